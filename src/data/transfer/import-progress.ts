import type { LearnerEvent } from '../../shared/events.ts';
import { appStore, type LocalStore } from '../local-store.ts';
import { ensureDeviceId, getMeta, setMeta, type HeldEvent, type LearnDb } from '../store/learn-db.ts';
import { foldIntoRows } from '../store/progress-rows.ts';
import { PROGRESS_FILE_FORMAT, PROGRESS_FILE_VERSION, progressFileSchema, type ProgressFile } from './progress-file.ts';

/** Why a file was not imported, as a value with its i18n key; nothing was stored. */
export interface ImportError {
  code: 'damaged' | 'not_progress_file' | 'newer_version' | 'other_trainee' | 'storage';
  i18nKey: `me:transfer.errors.${ImportError['code']}`;
}

export type ImportResult = { ok: true; added: number; known: number } | { ok: false; error: ImportError };

const fail = (code: ImportError['code']): ImportResult => ({ ok: false, error: { code, i18nKey: `me:transfer.errors.${code}` } });

/**
 * Merges a progress file (see progress-file.ts) into the phone, by event id: an event the phone
 * holds is skipped, so importing a file twice, or a phone's own file, changes nothing. Of the new
 * events:
 *   - those the server already held when the file was saved are stored as pulled events are:
 *     as their own device's (the server sends them again on the next pull, and the phone skips
 *     them by id);
 *   - those that had not reached the server become this phone's own, in its outbox, and are
 *     pushed with its next sync. The server takes from a device only its own events; for a
 *     trainee whose phone broke before it ever synced, this phone is now the one that brings them;
 *   - those the server refused stay held back (sync/held-back.ts), as they were: sent again they
 *     would be refused again.
 * Progress is folded with the shared merge rules and the clock moves past the newest stamp, all
 * in one transaction: a file is imported whole, or not at all. A damaged or foreign file, or one
 * of another trainee, stores nothing. Never throws.
 */
export async function importProgress(text: string, store: LocalStore = appStore()): Promise<ImportResult> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('damaged');
  }
  const head = json as { format?: unknown; version?: unknown } | null;
  if (typeof head !== 'object' || head === null || head.format !== PROGRESS_FILE_FORMAT) return fail('not_progress_file');
  if (typeof head.version === 'number' && head.version > PROGRESS_FILE_VERSION) return fail('newer_version');
  const parsed = progressFileSchema.safeParse(json);
  if (!parsed.success) return fail('damaged');
  try {
    const result = await merge(store.db, parsed.data);
    // The sync engine pushes the adopted events as it does new ones.
    if (result.ok && result.added > 0) store.changes.emit({ kind: 'recorded' });
    return result;
  } catch (error) {
    console.error('could not import progress', error);
    return fail('storage');
  }
}

async function merge(db: LearnDb, file: ProgressFile): Promise<ImportResult> {
  const deviceId = await ensureDeviceId(db);
  return db.transaction('rw', [db.events, db.pending, db.held, db.progress, db.meta], async () => {
    const trainee = await getMeta(db, 'trainee');
    if (file.trainee && trainee && file.trainee.id !== trainee.id) return fail('other_trainee');

    const inFile = new Map<string, ProgressFile['events'][number]>();
    for (const event of file.events) if (!inFile.has(event.id)) inFile.set(event.id, event);
    const known = new Set((await db.events.where('id').anyOf([...inFile.keys()]).primaryKeys()) as string[]);
    const fresh: LearnerEvent[] = [];
    const toSend: LearnerEvent[] = [];
    const held: HeldEvent[] = [];
    const now = Date.now();
    for (const { synced, held: refused, ...rest } of inFile.values()) {
      if (known.has(rest.id)) continue;
      const event = rest as LearnerEvent;
      if (refused) held.push({ id: event.id, event, code: refused.code, message: refused.message, heldAt: now });
      if (synced || refused) {
        fresh.push(event);
        continue;
      }
      const own = { ...event, deviceId };
      fresh.push(own);
      toSend.push(own);
    }
    if (fresh.length > 0) {
      await Promise.all([db.events.bulkAdd(fresh), db.pending.bulkAdd(toSend), db.held.bulkPut(held)]);
      await foldIntoRows(db, fresh);
      // As for pulled events: this phone's next stamp sorts after everything it has seen.
      const newest = fresh.reduce((max, e) => (e.at > max ? e.at : max), fresh[0]!.at);
      const hlc = await getMeta(db, 'hlc');
      if (!hlc || newest > hlc) await setMeta(db, 'hlc', newest);
    }
    return { ok: true, added: fresh.length, known: inFile.size - fresh.length };
  });
}

