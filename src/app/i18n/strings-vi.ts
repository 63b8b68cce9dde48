import { byNamespace } from './strings.ts';

// Vietnamese, the course's first language and i18next's fallback, is bundled with the app.
export default byNamespace(import.meta.glob<Record<string, unknown>>('../../../locales/vi/*.json', { eager: true, import: 'default' }));
