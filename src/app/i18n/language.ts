import { browserStorage } from '../../data/local-storage.ts';
import { preferredLanguage } from '../../shared/preferred-language.ts';

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];

/** Each language's name in itself, as a language picker shows it. */
export const languageNames: Record<Language, string> = { vi: 'Tiếng Việt', en: 'English' };

const STORAGE_KEY = 'egov-learn.language';

function isLanguage(value: unknown): value is Language {
  return languages.includes(value as Language);
}

/** The trainee's remembered choice, else the phone's languages decide (see preferredLanguage). */
export function detectLanguage(
  stored: string | null = readChoice(),
  preferred: readonly string[] = navigator.languages ?? [navigator.language],
): Language {
  return isLanguage(stored) ? stored : preferredLanguage(preferred);
}

// A plain string, not JSON: kept as earlier versions of the app wrote it.
export function rememberLanguage(lng: Language) {
  try {
    browserStorage()?.setItem(STORAGE_KEY, lng);
  } catch {
    // full or forbidden: the choice lasts for the session
  }
}

function readChoice(): string | null {
  try {
    return browserStorage()?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}
