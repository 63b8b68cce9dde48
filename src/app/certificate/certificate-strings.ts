import type { TFunction } from 'i18next';
import { i18n } from '../i18n/i18n.ts';
import { byNamespace } from '../i18n/strings.ts';

/*
 * The certificate and verify screens speak both languages at once, Vietnamese above English,
 * whatever the UI language: a director and a Ministry inspector read the same page. Their
 * strings load with these screens only, in both languages, never with the first screen.
 */
const strings = {
  vi: byNamespace(import.meta.glob<Record<string, unknown>>('../../../locales/vi/certificate.json', { eager: true, import: 'default' })),
  en: byNamespace(import.meta.glob<Record<string, unknown>>('../../../locales/en/certificate.json', { eager: true, import: 'default' })),
};

function register(): void {
  for (const [lng, namespaces] of Object.entries(strings)) {
    for (const [ns, values] of Object.entries(namespaces)) i18n.addResourceBundle(lng, ns, values, true, true);
  }
}
if (i18n.isInitialized) register();
else i18n.on('initialized', register);

export interface BothLanguages {
  vi: TFunction;
  en: TFunction;
}

/** The certificate namespace in each language. */
export const bothLanguages = (): BothLanguages => ({ vi: i18n.getFixedT('vi', 'certificate'), en: i18n.getFixedT('en', 'certificate') });
