import { useEffect, useState } from 'preact/hooks';
import { readStored, writeStored } from '../../data/local-storage.ts';
import { useTranslation } from '../i18n/use-translation.ts';

export const readingModes = ['vi', 'en', 'both'] as const;
/** What a lesson shows: one language, or both. */
export type ReadingMode = (typeof readingModes)[number];

/** Text size steps for lessons and quizzes, as multiples of the app's base size. */
export const textSizes = [0.9, 1, 1.15, 1.3, 1.5] as const;
const DEFAULT_SIZE = 1;

const MODE_KEY = 'egov-learn.readingMode';
const SIZE_KEY = 'egov-learn.textSize';

interface Prefs {
  /** Both languages (song ngữ) chosen; otherwise lessons follow the app language. */
  both: boolean;
  /** Index into textSizes. */
  size: number;
}

const isSize = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < textSizes.length;

// Earlier versions stored 'vi' or 'en' here as well: under the one language rule those follow
// the app language now, and only 'both' is a choice that stays.
let prefs: Prefs = {
  both: readStored(MODE_KEY, (v) => v === 'both') ?? false,
  size: readStored(SIZE_KEY, (v) => (isSize(v) ? v : undefined)) ?? DEFAULT_SIZE,
};
const listeners = new Set<(p: Prefs) => void>();

function update(next: Partial<Prefs>): void {
  prefs = { ...prefs, ...next };
  writeStored(MODE_KEY, prefs.both ? 'both' : 'app');
  writeStored(SIZE_KEY, prefs.size);
  for (const listener of listeners) listener(prefs);
}

/** Lessons in both languages (true), or in the app language (false). */
export const setBothLanguages = (both: boolean) => update({ both });
export const setTextSize = (size: number) => update({ size: Math.min(textSizes.length - 1, Math.max(0, size)) });

/**
 * The one language rule: the app language sets the lesson text too, unless the trainee chose
 * both languages, which stays until changed. Shared by every screen and the settings sheet.
 */
export function useReadingPrefs(): Prefs & { mode: ReadingMode } {
  const { lng } = useTranslation();
  const [current, setCurrent] = useState(prefs);
  useEffect(() => {
    listeners.add(setCurrent);
    setCurrent(prefs);
    return () => void listeners.delete(setCurrent);
  }, []);
  return { ...current, mode: current.both ? 'both' : lng };
}
