import { preferredLanguage } from '../../shared/preferred-language.ts';

export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'egov-learn.language';

export function isLanguage(value: unknown): value is Language {
  return languages.includes(value as Language);
}

/** The trainee's remembered choice, else the phone's languages decide (see preferredLanguage). */
export function detectLanguage(
  stored: string | null = safeStorage()?.getItem(STORAGE_KEY) ?? null,
  preferred: readonly string[] = navigator.languages ?? [navigator.language],
): Language {
  return isLanguage(stored) ? stored : preferredLanguage(preferred);
}

export function rememberLanguage(lng: Language) {
  safeStorage()?.setItem(STORAGE_KEY, lng);
}

// Storage can throw in private modes or when disabled; the choice then lasts for the session.
function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
