import type { TFunction } from 'i18next';
import { describeSync, type SyncMessage } from '../../data/sync/status-snapshot.ts';
import { act } from '../data-layer.ts';
import { useSyncStatus } from '../hooks/use-sync-status.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import './sync.css';

/**
 * One line saying where the trainee's progress stands: offline, syncing, synced at HH:MM, N
 * changes waiting, or why the server refused. A failure is announced (role="alert"), never
 * only coloured; steps the phone could not store get a "Try again" button.
 */
export function SyncStatus() {
  const { t, lng } = useTranslation();
  const message = describeSync(useSyncStatus());
  const time = (at: number) => new Intl.DateTimeFormat(lng === 'vi' ? 'vi-VN' : 'en-GB', { hour: '2-digit', minute: '2-digit' }).format(at);
  const problem = ['storage', 'revoked', 'refused', 'retrying'].includes(message.key);
  const needsEnrolment = message.key === 'revoked' || message.key === 'notEnrolled';
  return (
    <p class={`sync-status is-${message.key}`} role={problem ? 'alert' : 'status'} data-testid="sync-status">
      {text(t, message, time)}
      {message.key === 'storage' && message.unsaved > 0 && (
        <>
          {' '}
          <button type="button" class="sync-retry" onClick={retry}>
            {t('sync:storage.retry')}
          </button>
        </>
      )}
      {needsEnrolment && (
        <>
          {' '}
          <a href="/enrol">{t('sync:status.enrolLink')}</a>
        </>
      )}
    </p>
  );
}

function text(t: TFunction, m: SyncMessage, time: (at: number) => string): string {
  switch (m.key) {
    case 'storage':
      return t(m.error.i18nKey, { count: m.unsaved });
    case 'offline':
      return m.pending ? t('sync:status.offlinePending', { count: m.pending }) : t('sync:status.offline');
    case 'refused':
      return t('sync:status.refused', { reason: t([`sync:reasons.${m.code}`, 'sync:reasons.unknown'], { code: m.code }), count: m.pending });
    case 'retrying':
      return t('sync:status.retrying', { time: time(m.retryAt), count: m.pending });
    case 'synced':
      return t('sync:status.synced', { time: time(m.at) });
    case 'waiting':
    case 'notEnrolled':
      return t(`sync:status.${m.key}`, { count: m.pending });
    case 'syncing':
    case 'revoked':
    case 'never':
      return t(`sync:status.${m.key}`);
  }
}

const retry = () => void act((data) => data.retryWaitingEvents());
