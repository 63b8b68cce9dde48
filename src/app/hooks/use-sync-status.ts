import { useEffect, useState } from 'preact/hooks';
import { initialSnapshot, type SyncSnapshot } from '../../data/sync-message.ts';
import { subscribeLazily } from './subscribe-lazily.ts';

/**
 * The sync status of the app's database, live. The store (and Dexie with it) is loaded by the
 * first subscriber, so the header draws before the database layer has arrived.
 */
export function useSyncStatus(): SyncSnapshot {
  const [snapshot, setSnapshot] = useState(initialSnapshot);
  useEffect(() => subscribeLazily(() => import('../../data/sync-status.ts'), ({ syncStatusOf }) => syncStatusOf().subscribe(setSnapshot)), []);
  return snapshot;
}
