// The screens and sheets behind the "Me" tab, the status chip and the settings button, in one
// lazy chunk (see later-screens.ts), with the strings only they use.
import '../i18n/later-strings.ts';

export { UrgentStatus } from '../components/sync/UrgentStatus.tsx';
export { SettingsSheet } from '../components/settings/SettingsSheet.tsx';
export { SyncSheet } from '../components/sync/SyncSheet.tsx';
export { Enrol } from './Enrol.tsx';
export { MePage } from './MePage.tsx';
