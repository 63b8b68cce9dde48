import { byNamespace } from './strings.ts';

// Vietnamese, the course's first language and i18next's fallback, is bundled with the app: the
// namespaces the first screen needs. The rest (see later-strings.ts, and certificate-strings.ts for the
// certificate's) load with the screens that use them; office.json is the programme office's (src/office),
// never the app's.
export default byNamespace(
  import.meta.glob<Record<string, unknown>>(['../../../locales/vi/*.json', '!../../../locales/vi/{me,sync,install,storage,certificate,office}.json'], {
    eager: true,
    import: 'default',
  }),
);
