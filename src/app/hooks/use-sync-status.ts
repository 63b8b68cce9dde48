import { useEffect, useState } from 'preact/hooks';
import { initialSnapshot, type SyncSnapshot } from '../../data/sync-message.ts';

/**
 * The sync status of the app's database, live. The store (and Dexie with it) is loaded by the
 * first subscriber, so the header draws before the database layer has arrived.
 */
export function useSyncStatus(): SyncSnapshot {
  const [snapshot, setSnapshot] = useState(initialSnapshot);
  useEffect(() => {
    let live = true;
    let unsubscribe: (() => void) | undefined;
    void import('../../data/sync-status.ts').then(({ syncStatusOf }) => {
      if (live) unsubscribe = syncStatusOf().subscribe(setSnapshot);
    });
    return () => {
      live = false;
      unsubscribe?.();
    };
  }, []);
  return snapshot;
}
