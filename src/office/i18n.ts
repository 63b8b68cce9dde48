import i18next from 'i18next';
import { useEffect, useState } from 'preact/hooks';
import en from '../../locales/en/office.json';
import vi from '../../locales/vi/office.json';
import { preferredLanguage } from '../shared/preferred-language.ts';

export type Language = 'vi' | 'en';
export const languages: readonly Language[] = ['vi', 'en'];

const STORAGE_KEY = 'egov-office.language';

/** The office's own i18next: namespace "office" (locales/<lng>/office.json), Vietnamese first. */
export const i18n = i18next.createInstance();

function remembered(): Language | undefined {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'vi' || value === 'en' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Starts i18next in the officer's chosen language, else the browser's (Vietnamese unless English comes first). */
export async function initI18n(): Promise<void> {
  const lng = remembered() ?? preferredLanguage(navigator.languages ?? [navigator.language]);
  await i18n.init({
    lng,
    fallbackLng: 'vi',
    supportedLngs: languages,
    defaultNS: 'office',
    ns: ['office'],
    resources: { vi: { office: vi }, en: { office: en } },
    interpolation: { escapeValue: false }, // Preact escapes text itself
  });
  document.documentElement.lang = lng;
}

export async function setLanguage(lng: Language): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    // private mode: the choice lasts for this page
  }
  document.documentElement.lang = lng;
  await i18n.changeLanguage(lng);
}

/** The current `t` and language; re-renders the caller when the language changes. */
export function useT() {
  const [lng, setLng] = useState(i18n.language as Language);
  useEffect(() => {
    const onChange = (next: string) => setLng(next as Language);
    i18n.on('languageChanged', onChange);
    return () => i18n.off('languageChanged', onChange);
  }, []);
  return { t: i18n.getFixedT(lng), lng };
}
