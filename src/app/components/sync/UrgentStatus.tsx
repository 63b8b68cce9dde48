import { useSyncStatus } from '../../hooks/use-sync-status.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { IosEvictionWarning } from '../install/IosEvictionWarning.tsx';
import { retryUnsavedSteps } from './SyncStatus.tsx';

/**
 * What cannot wait for the trainee to open the sync details, above every screen: steps the phone
 * could not store (with "Try again"), a revoked enrolment (with the changes kept and the way to
 * enrol again), and Safari's seven-day deletion risk on iOS.
 */
export function UrgentStatus() {
  const { t } = useTranslation();
  const { storageError, unsaved, problem, pending } = useSyncStatus();
  return (
    <>
      {storageError && (
        <div class="banner" role="alert">
          <p>{t(storageError.i18nKey, { count: unsaved })}</p>
          {unsaved > 0 && (
            <button type="button" onClick={retryUnsavedSteps}>
              {t('sync:storage.retry')}
            </button>
          )}
        </div>
      )}
      {problem?.kind === 'revoked' && (
        <div class="banner" role="alert">
          <p>{pending ? t('sync:status.revokedPending', { count: pending }) : t('sync:status.revoked')}</p>
          <a class="button-link" href="/enrol">
            {t('sync:status.enrolLink')}
          </a>
        </div>
      )}
      <IosEvictionWarning />
    </>
  );
}
