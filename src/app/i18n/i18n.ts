import i18next from 'i18next';
import { detectLanguage, rememberLanguage, type Language } from './language.ts';
import type { Strings } from './strings.ts';
import vi from './strings-vi.ts';

export const i18n = i18next.createInstance();

const load: Record<Language, () => Promise<Strings>> = {
  vi: async () => vi,
  en: () => import('./strings-en.ts').then((m) => m.default),
};

/** Starts i18next in the remembered or detected language; resolves before the first render. */
export async function initI18n(lng: Language = detectLanguage()) {
  const resources = { vi, [lng]: await load[lng]() };
  await i18n.init({
    lng,
    fallbackLng: 'vi',
    supportedLngs: ['vi', 'en'],
    defaultNS: 'common',
    ns: Object.keys(vi),
    resources,
    interpolation: { escapeValue: false }, // Preact escapes text itself
    returnNull: false,
  });
  document.documentElement.lang = lng;
  return i18n;
}

/** Switches the UI language, remembers it on this phone and tells screen readers. */
export async function setLanguage(lng: Language) {
  if (!i18n.hasResourceBundle(lng, 'common')) {
    for (const [ns, strings] of Object.entries(await load[lng]())) i18n.addResourceBundle(lng, ns, strings);
  }
  rememberLanguage(lng);
  document.documentElement.lang = lng;
  await i18n.changeLanguage(lng);
}
