import { useSyncStatus } from '../../hooks/use-sync-status.ts';
import { isIosSafari, isStandalone } from '../../install/install-events.ts';
import { useLaterScreens } from '../../later-screens.ts';

/**
 * Decides, from the first screen's code, whether anything urgent must show above the screen
 * (see UrgentStatus); only then does the banner's code load.
 */
export function StatusBanner() {
  const { storageError, problem, oldestPendingAt } = useSyncStatus();
  const urgent = !!storageError || problem?.kind === 'revoked' || (oldestPendingAt !== null && isIosSafari() && !isStandalone());
  const { screens } = useLaterScreens(urgent);
  return urgent && screens ? <screens.UrgentStatus /> : null;
}
