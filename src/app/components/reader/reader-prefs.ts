import { useState } from 'preact/hooks';
import { useTranslation } from '../../i18n/use-translation.ts';
import { readStored, writeStored } from '../../../data/local-storage.ts';

export const readingModes = ['vi', 'en', 'both'] as const;
export type ReadingMode = (typeof readingModes)[number];

/** Text size steps, as multiples of the app's base size. */
export const textSizes = [0.9, 1, 1.15, 1.3, 1.5] as const;
const DEFAULT_SIZE = 1;

const MODE_KEY = 'egov-learn.readingMode';
const SIZE_KEY = 'egov-learn.textSize';

const isMode = (v: unknown): v is ReadingMode => readingModes.includes(v as ReadingMode);
const isSize = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < textSizes.length;

/**
 * The reading mode and text size. Until the trainee picks a mode, the text follows the app's
 * language, so switching the app to English mid-lesson switches the lesson too.
 */
export function useReaderPrefs() {
  const { lng } = useTranslation();
  const [chosenMode, setChosenMode] = useState(() => readStored(MODE_KEY, (v) => (isMode(v) ? v : undefined)));
  const [size, setSizeState] = useState(() => readStored(SIZE_KEY, (v) => (isSize(v) ? v : undefined)) ?? DEFAULT_SIZE);
  return {
    mode: chosenMode ?? lng,
    setMode(mode: ReadingMode) {
      setChosenMode(mode);
      writeStored(MODE_KEY, mode);
    },
    /** Index into textSizes. */
    size,
    setSize(next: number) {
      const clamped = Math.min(textSizes.length - 1, Math.max(0, next));
      setSizeState(clamped);
      writeStored(SIZE_KEY, clamped);
    },
  };
}
