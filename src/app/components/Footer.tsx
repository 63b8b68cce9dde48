import { useTranslation } from '../i18n/use-translation.ts';
import { InstallApp } from './InstallApp.tsx';
import { StorageStatus } from './StorageStatus.tsx';

export function Footer() {
  const { t } = useTranslation();
  return (
    <footer class="app-footer">
      <InstallApp />
      <StorageStatus />
      <p>{t('footer.version', { version: __APP_VERSION__ })}</p>
    </footer>
  );
}
