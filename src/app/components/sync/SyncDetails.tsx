import { useState } from 'preact/hooks';
import { act } from '../../data-layer.ts';
import { useOnline } from '../../hooks/use-online.ts';
import { useSyncStatus } from '../../hooks/use-sync-status.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { announce } from '../../shell/announce.tsx';
import { statusView } from './status-view.ts';
import { SyncStatus } from './SyncStatus.tsx';

const advice: Partial<Record<string, string>> = {
  offline: 'me:sync.advice.offline',
  retrying: 'me:sync.advice.retrying',
  refused: 'me:sync.advice.refused',
  notEnrolled: 'me:sync.advice.notEnrolled',
  revoked: 'me:sync.advice.revoked',
  storage: 'me:sync.advice.storage',
};

/**
 * Everything about sync in one place (the status chip's sheet and the Me screen): the status
 * line, the last success, what waits, what the server refused and keeps held back on the phone,
 * what to do when it fails, and "Sync now".
 */
export function SyncDetails({ enrolLink = true }: { enrolLink?: boolean }) {
  const { t, lng } = useTranslation();
  const snapshot = useSyncStatus();
  const { line, pending } = statusView(snapshot);
  const when = (at: number) =>
    new Intl.DateTimeFormat(lng === 'vi' ? 'vi-VN' : 'en-GB', { hour: '2-digit', minute: '2-digit', day: 'numeric', month: 'numeric', year: 'numeric' }).format(at);
  const todo = advice[line.key];
  return (
    <div class="sync-details">
      <SyncStatus enrolLink={enrolLink} />
      {snapshot.enrolled && <p>{snapshot.lastSyncAt ? t('me:sync.lastSuccess', { time: when(snapshot.lastSyncAt) }) : t('me:sync.lastNever')}</p>}
      {pending > 0 ? (
        <p data-testid="sync-pending">{t('me:sync.pending', { count: pending })}</p>
      ) : (
        snapshot.enrolled && snapshot.lastSyncAt && snapshot.held === 0 && <p>{t('me:sync.allSent')}</p>
      )}
      {snapshot.held > 0 && <p data-testid="sync-held">{t('me:sync.held', { count: snapshot.held })}</p>}
      {todo && <p class="advice">{t(todo)}</p>}
      {snapshot.enrolled && <SyncNow />}
    </div>
  );
}

/** Syncs at once, and says how it went; offline it says why it waits instead. */
function SyncNow() {
  const { t } = useTranslation();
  const online = useOnline();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<string>();
  const run = async () => {
    setBusy(true);
    setOutcome(undefined);
    const result = await act((data) => data.syncAppNow());
    setBusy(false);
    const said = t(result.kind === 'synced' || result.kind === 'busy' ? 'me:sync.done' : result.kind === 'offline' ? 'me:sync.nowOffline' : 'me:sync.failed');
    setOutcome(said);
    announce(said);
  };
  return (
    <p class="sync-now">
      <button type="button" class="primary" disabled={!online || busy} onClick={() => void run()}>
        {busy ? t('me:sync.nowBusy') : t('me:sync.now')}
      </button>
      {!online ? <span>{t('me:sync.nowOffline')}</span> : outcome && <span>{outcome}</span>}
    </p>
  );
}
