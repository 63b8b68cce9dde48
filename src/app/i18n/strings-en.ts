import { byNamespace } from './strings.ts';

// English is its own chunk, loaded before the first paint only when it is the chosen language
// (and precached, so switching works offline).
export default byNamespace(import.meta.glob<Record<string, unknown>>('../../../locales/en/*.json', { eager: true, import: 'default' }));
