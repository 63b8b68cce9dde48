export const languages = ['vi', 'en'] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'egov-learn.language';

export function isLanguage(value: unknown): value is Language {
  return languages.includes(value as Language);
}

/**
 * The trainee's remembered choice, else English for an English phone, else Vietnamese: the
 * course is Vietnamese first, so an unknown or other language gets Vietnamese.
 */
export function detectLanguage(
  stored: string | null = safeStorage()?.getItem(STORAGE_KEY) ?? null,
  preferred: readonly string[] = navigator.languages ?? [navigator.language],
): Language {
  if (isLanguage(stored)) return stored;
  const first = preferred.find((tag) => /^(vi|en)\b/i.test(tag));
  return first?.toLowerCase().startsWith('en') ? 'en' : 'vi';
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
