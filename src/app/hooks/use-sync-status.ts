import { useEffect, useState } from 'preact/hooks';
import { syncStatusOf, type SyncSnapshot } from '../../data/sync-status.ts';

/** The sync status of the app's database, live. */
export function useSyncStatus(): SyncSnapshot {
  const store = syncStatusOf();
  const [snapshot, setSnapshot] = useState(store.get);
  useEffect(() => store.subscribe(setSnapshot), [store]);
  return snapshot;
}
