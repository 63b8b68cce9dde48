import { i18n } from './i18n.ts';
import { byNamespace } from './strings.ts';

/*
 * The UI strings no first screen needs (Me, enrolment, sync details, settings, install, storage),
 * in both languages: they load with the chunk of the screens and sheets that use them, which
 * keeps the first load small. Both languages, because the settings sheet states the language
 * rule in both, and an import error is shown in both.
 */
const later = {
  vi: byNamespace(import.meta.glob<Record<string, unknown>>('../../../locales/vi/{me,sync,install,storage}.json', { eager: true, import: 'default' })),
  en: byNamespace(import.meta.glob<Record<string, unknown>>('../../../locales/en/{me,sync,install,storage}.json', { eager: true, import: 'default' })),
};

/** Adds the later namespaces to i18next (again after a re-initialisation, as tests do). */
export function registerLaterStrings(): void {
  for (const [lng, namespaces] of Object.entries(later)) {
    for (const [ns, strings] of Object.entries(namespaces)) i18n.addResourceBundle(lng, ns, strings, true, true);
  }
}

// The chunk loads after i18next has started, in the app; a test may import it before.
if (i18n.isInitialized) registerLaterStrings();
else i18n.on('initialized', registerLaterStrings);
