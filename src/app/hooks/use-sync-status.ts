import { useState } from 'preact/hooks';
import { initialSnapshot, type SyncSnapshot } from '../../data/sync/status-snapshot.ts';
import { useLive } from './use-live.ts';

/**
 * The sync status of the app's store, live. The header draws from a first snapshot (no database
 * needed) before the data layer has arrived.
 */
export function useSyncStatus(): SyncSnapshot {
  const [first] = useState(initialSnapshot);
  return useLive((data) => data.syncState(), []) ?? first;
}
