import { useSyncStatus } from '../hooks/use-sync-status.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { atRiskOfEviction } from '../install/ios-eviction.ts';
import { isIosSafari, isStandalone } from '../install/install-events.ts';

/**
 * On iOS Safari in a tab, warns when progress has waited unsynced for more than a day, with the
 * two ways out: connect so it syncs, or add the app to the home screen (the footer shows how).
 */
export function IosEvictionWarning({ now = Date.now() }: { now?: number }) {
  const { t, lng } = useTranslation();
  const { oldestPendingAt } = useSyncStatus();
  if (!atRiskOfEviction({ iosSafari: isIosSafari(), standalone: isStandalone(), oldestPendingAt, now })) return null;
  const since = new Intl.DateTimeFormat(lng === 'vi' ? 'vi-VN' : 'en-GB', { day: 'numeric', month: 'long' }).format(oldestPendingAt!);
  return (
    <p class="ios-warning" role="alert">
      {t('install:iosUnsynced', { date: since })} <button type="button" class="link" onClick={showInstallSteps}>
        {t('install:iosUnsyncedLink')}
      </button>
    </p>
  );
}

// A button, not an in-page link: the router would treat "#…" as a navigation.
const showInstallSteps = () => document.getElementById('install-title')?.scrollIntoView({ behavior: 'smooth' });
