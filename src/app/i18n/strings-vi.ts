import { byNamespace } from './strings.ts';

// Vietnamese, the course's first language and i18next's fallback, is bundled with the app: the
// namespaces the first screen needs. The rest (see later-strings.ts, and certificate-strings.ts for the certificate's) load with the screens that use them.
export default byNamespace(
  import.meta.glob<Record<string, unknown>>(['../../../locales/vi/*.json', '!../../../locales/vi/{me,sync,install,storage,certificate}.json'], {
    eager: true,
    import: 'default',
  }),
);
