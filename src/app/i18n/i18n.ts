import i18next from 'i18next';
import enCommon from '../../../locales/en/common.json';
import viCommon from '../../../locales/vi/common.json';
import { detectLanguage, rememberLanguage, type Language } from './language.ts';

export const i18n = i18next.createInstance();

/** Starts i18next in the remembered or detected language; resolves before the first render. */
export async function initI18n(lng: Language = detectLanguage()) {
  await i18n.init({
    lng,
    fallbackLng: 'vi',
    supportedLngs: ['vi', 'en'],
    defaultNS: 'common',
    ns: ['common'],
    resources: { vi: { common: viCommon }, en: { common: enCommon } },
    interpolation: { escapeValue: false }, // Preact escapes text itself
    returnNull: false,
  });
  document.documentElement.lang = lng;
  return i18n;
}

/** Switches the UI language, remembers it on this phone and tells screen readers. */
export async function setLanguage(lng: Language) {
  rememberLanguage(lng);
  document.documentElement.lang = lng;
  await i18n.changeLanguage(lng);
}
