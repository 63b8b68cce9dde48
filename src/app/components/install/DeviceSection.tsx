import { useTranslation } from '../../i18n/use-translation.ts';
import { isIosSafari, isStandalone } from '../../install/install-events.ts';
import { InstallApp, IosSteps } from './InstallApp.tsx';
import { StorageStatus } from './StorageStatus.tsx';

/** Storage (used, free, kept or not), installing the app (and the iPhone steps), and the version. */
export function DeviceSection() {
  const { t } = useTranslation();
  const standalone = isStandalone();
  return (
    <>
      <StorageStatus />
      {standalone ? <p>{t('me:device.installed')}</p> : <InstallApp />}
      {/* Elsewhere than iOS Safari, for a colleague's iPhone: */}
      {!standalone && !isIosSafari() && (
        <details class="more">
          <summary>{t('me:device.iosSteps')}</summary>
          <p>{t('install:iosWhy')}</p>
          <IosSteps />
        </details>
      )}
      <p class="meta">{t('me:device.version', { version: __APP_VERSION__ })}</p>
    </>
  );
}
