import { byNamespace } from './strings.ts';

// English is its own chunk, loaded before the first paint only when it is the chosen language
// (and precached, so switching works offline). Like strings-vi.ts, only the first screen's namespaces.
export default byNamespace(
  import.meta.glob<Record<string, unknown>>(['../../../locales/en/*.json', '!../../../locales/en/{me,sync,install,storage,certificate,office}.json'], {
    eager: true,
    import: 'default',
  }),
);
