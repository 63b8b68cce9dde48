import { useTranslation } from '../i18n/use-translation.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { OnlineStatus } from './OnlineStatus.tsx';
import { SyncStatus } from './SyncStatus.tsx';

export function Header() {
  const { t } = useTranslation();
  return (
    <header class="app-header">
      <a class="brand" href="/">
        <img src="/icons/icon.svg" alt="" width="32" height="32" />
        <span>{t('app.name')}</span>
      </a>
      <OnlineStatus />
      <SyncStatus />
      <LanguageSwitch />
    </header>
  );
}
