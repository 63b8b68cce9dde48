import { appStore, type LocalStore } from '../local-store.ts';
import { ensureDeviceId, getMeta } from '../store/learn-db.ts';
import { PROGRESS_FILE_FORMAT, PROGRESS_FILE_VERSION, type FileEvent, type ProgressFile } from './progress-file.ts';

/**
 * Everything the phone holds, as a progress file: every event (this phone's, imported and pulled
 * ones) in stamp order, each with whether the server holds it (not when it waits in the outbox
 * or was refused and held back), this phone's id and its trainee.
 */
export async function exportProgress(appVersion: string, store: LocalStore = appStore()): Promise<ProgressFile> {
  const { db } = store;
  const deviceId = await ensureDeviceId(db);
  return db.transaction('r', [db.events, db.pending, db.held, db.meta], async () => {
    const [events, waiting, held, trainee] = await Promise.all([
      db.events.toArray(),
      db.pending.toCollection().primaryKeys(),
      db.held.toArray(),
      getMeta(db, 'trainee'),
    ]);
    const unsent = new Set<string>(waiting.map(([, id]) => id));
    const refused = new Map(held.map((h) => [h.id, { code: h.code, message: h.message }]));
    events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
    return {
      format: PROGRESS_FILE_FORMAT,
      version: PROGRESS_FILE_VERSION,
      exportedAt: new Date().toISOString(),
      app: appVersion,
      deviceId,
      trainee: trainee ?? null,
      events: events.map((event): FileEvent => {
        const why = refused.get(event.id);
        return why ? { ...event, synced: false, held: why } : { ...event, synced: !unsent.has(event.id) };
      }),
    };
  });
}
