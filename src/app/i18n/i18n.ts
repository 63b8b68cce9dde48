import i18next from 'i18next';
import { detectLanguage, rememberLanguage, type Language } from './language.ts';

export const i18n = i18next.createInstance();

// Every locales/<lng>/<namespace>.json is bundled: UI strings are small and must work offline.
const files = import.meta.glob<Record<string, unknown>>('../../../locales/*/*.json', { eager: true, import: 'default' });
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, strings] of Object.entries(files)) {
  const [, lng, ns] = path.match(/locales\/(\w+)\/([\w-]+)\.json$/)!;
  (resources[lng!] ??= {})[ns!] = strings;
}

/** Starts i18next in the remembered or detected language; resolves before the first render. */
export async function initI18n(lng: Language = detectLanguage()) {
  await i18n.init({
    lng,
    fallbackLng: 'vi',
    supportedLngs: ['vi', 'en'],
    defaultNS: 'common',
    ns: Object.keys(resources.vi ?? {}),
    resources,
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
