import { appStore, type LocalStore } from '../local-store.ts';
import { ensureDeviceId, getMeta } from '../store/learn-db.ts';
import { PROGRESS_FILE_FORMAT, PROGRESS_FILE_VERSION, type ProgressFile } from './progress-file.ts';

/**
 * Everything the phone holds, as a progress file: every event (this phone's, imported and pulled
 * ones) in stamp order, with whether the server holds it, this phone's id and its trainee.
 */
export async function exportProgress(appVersion: string, store: LocalStore = appStore()): Promise<ProgressFile> {
  const { db } = store;
  const deviceId = await ensureDeviceId(db);
  return db.transaction('r', [db.events, db.meta], async () => {
    const events = await db.events.toArray();
    events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
    return {
      format: PROGRESS_FILE_FORMAT,
      version: PROGRESS_FILE_VERSION,
      exportedAt: new Date().toISOString(),
      app: appVersion,
      deviceId,
      trainee: (await getMeta(db, 'trainee')) ?? null,
      events: events.map(({ synced, ...event }) => ({ ...event, synced: synced === 1 })),
    };
  });
}
