import type { TFunction } from 'i18next';
import type { SyncMessage } from '../../../data/sync/status-snapshot.ts';
import { act } from '../../data-layer.ts';
import { useSyncStatus } from '../../hooks/use-sync-status.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { statusView } from './status-view.ts';
import './sync.css';

/**
 * One line saying where the trainee's progress stands: offline, syncing, synced at HH:MM, N
 * changes waiting, or why the server refused; never "0 waiting". Steps the phone could not
 * store get a "Try again" button, and a phone that must enrol gets the way to do it (unless the
 * screen shows it already: `enrolLink` false). It is not a
 * live region: the status chip announces changes once (see StatusChip).
 */
export function SyncStatus({ enrolLink = true }: { enrolLink?: boolean }) {
  const { t, lng } = useTranslation();
  const { line } = statusView(useSyncStatus());
  const time = (at: number) => new Intl.DateTimeFormat(lng === 'vi' ? 'vi-VN' : 'en-GB', { hour: '2-digit', minute: '2-digit' }).format(at);
  const needsEnrolment = enrolLink && (line.key === 'revoked' || line.key === 'notEnrolled');
  return (
    <p class={`sync-status is-${line.key}`} data-testid="sync-status">
      {statusText(t, line, time)}
      {line.key === 'storage' && line.unsaved > 0 && (
        <>
          {' '}
          <button type="button" class="sync-retry" onClick={retryUnsavedSteps}>
            {t('sync:storage.retry')}
          </button>
        </>
      )}
      {needsEnrolment && (
        <>
          {' '}
          <a href="/enrol" class="button-link">
            {t('sync:status.enrolLink')}
          </a>
        </>
      )}
    </p>
  );
}

/** The status line's words for a message, in the UI language. */
export function statusText(t: TFunction, m: SyncMessage, time: (at: number) => string): string {
  switch (m.key) {
    case 'storage':
      return t(m.error.i18nKey, { count: m.unsaved });
    case 'offline':
      return m.pending ? t('sync:status.offlinePending', { count: m.pending }) : t('sync:status.offline');
    case 'refused': {
      const reason = t([`sync:reasons.${m.code}`, 'sync:reasons.unknown'], { code: m.code });
      return m.pending ? t('sync:status.refused', { reason, count: m.pending }) : t('sync:status.refusedNone', { reason });
    }
    case 'retrying':
      return t('sync:status.retrying', { time: time(m.retryAt), count: m.pending });
    case 'synced':
      return t('sync:status.synced', { time: time(m.at) });
    case 'waiting':
      return t('sync:status.waiting', { count: m.pending });
    case 'notEnrolled':
    case 'revoked':
      return m.pending ? t(`sync:status.${m.key}Pending`, { count: m.pending }) : t(`sync:status.${m.key}`);
    case 'syncing':
    case 'never':
      return t(`sync:status.${m.key}`);
  }
}

/** Stores the steps the phone could not store before (storage was full, say). */
export const retryUnsavedSteps = () => void act((data) => data.retryWaitingEvents());
