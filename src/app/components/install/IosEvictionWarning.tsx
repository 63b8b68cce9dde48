import { useEffect, useState } from 'preact/hooks';
import { useSyncStatus } from '../../hooks/use-sync-status.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { atRiskOfEviction } from '../../install/ios-eviction.ts';
import { isIosSafari, isStandalone } from '../../install/install-events.ts';

const HOUR = 60 * 60 * 1000;

/**
 * On iOS Safari in a tab, warns when progress has waited unsynced for more than a day, with the
 * ways out: connect so it syncs (or enrol, if the phone is not enrolled), or add the app to the
 * home screen (the Me screen shows how). `now` is for tests; by default it is re-read hourly, so
 * a tab left open still warns.
 */
export function IosEvictionWarning({ now }: { now?: number }) {
  const { t, lng } = useTranslation();
  const { oldestPendingAt, enrolled } = useSyncStatus();
  const clock = useHourlyClock(now);
  if (!atRiskOfEviction({ iosSafari: isIosSafari(), standalone: isStandalone(), oldestPendingAt, now: clock })) return null;
  const since = new Intl.DateTimeFormat(lng === 'vi' ? 'vi-VN' : 'en-GB', { day: 'numeric', month: 'long' }).format(oldestPendingAt!);
  return (
    <p class="ios-warning" role="alert">
      {t(enrolled ? 'install:iosUnsynced' : 'install:iosUnsyncedNotEnrolled', { date: since })}{' '}
      <a href="/me#install">{t('install:iosUnsyncedLink')}</a>
    </p>
  );
}

function useHourlyClock(fixed: number | undefined): number {
  const [now, setNow] = useState(() => fixed ?? Date.now());
  useEffect(() => {
    if (fixed !== undefined) return;
    const timer = setInterval(() => setNow(Date.now()), HOUR);
    return () => clearInterval(timer);
  }, [fixed]);
  return fixed ?? now;
}
