import { learnerEventSchema, type LearnerEvent } from '../../shared/events.ts';
import { formatHlc, nextHlc, type Hlc } from '../../shared/hlc.ts';
import { currentLessonId } from '../../shared/course-ids.ts';
import { applyEvent } from '../../shared/merge-progress.ts';
import type { LessonProgress } from '../../shared/progress.ts';
import { announceWrites, committed, directTransaction } from '../store/direct-write.ts';
import { ensureDeviceId, setMeta, type LearnDb, type MetaRow } from '../store/learn-db.ts';
import { placed } from '../store/progress-rows.ts';
import { unsyncedBetween } from './unsynced.ts';

type WithoutStamp<T> = T extends unknown ? Omit<T, 'id' | 'deviceId' | 'at'> : never;
/** An event as a verb describes it; record() adds the id, the device and the HLC stamp. */
export type EventInput = WithoutStamp<LearnerEvent>;

/** How an event keeps its identity: its id, and for a retried event the time it was taken. */
export interface RecordOptions {
  /** The event id. Random by default. */
  id?: string;
  /**
   * Given for an event being retried, with when the trainee acted (ms). Such an event keeps its
   * place in time (so a later edit made on another device still wins), and it may already be
   * stored (an earlier attempt can commit and still report a failure): then nothing is stored.
   */
  takenAt?: number;
}

/** The store changed since this tab last wrote (another tab, a sync, an import): read it again. */
class StaleGuess extends Error {}

/**
 * Stamps `input` and, in one transaction, appends it to the event log and the outbox and updates
 * its lesson's progress row: either all are stored or none. Throws on failure (the outbox turns
 * that into a DataError); resolves with the stored event. A retried event (`takenAt`) whose id is
 * already stored stores nothing and resolves with the stored event, so it is never counted twice.
 */
export async function record(db: LearnDb, input: EventInput, options: RecordOptions = {}): Promise<LearnerEvent> {
  const deviceId = await ensureDeviceId(db);
  const id = options.id ?? crypto.randomUUID();
  if (options.takenAt === undefined) {
    try {
      const event = await recordOnGuess(db, input, id, deviceId);
      if (event) return event;
    } catch (error) {
      db.lastWritten = undefined;
      if (!(error instanceof StaleGuess)) throw error;
    }
  }
  return recordAfterReading(db, input, id, deviceId, options.takenAt);
}

/**
 * The usual case, in one round of requests: the stamp and the new row are computed from what
 * this tab last wrote, the writes go out together with reads of the HLC, the clock offset and the
 * row (issued first, so they see the store before these writes), and the transaction is aborted
 * (nothing stored) when those differ from the guess. So the guess is checked against the
 * committed store in the same transaction, whatever another tab, a sync or an import did
 * meanwhile. The requests go to IndexedDB directly (store/direct-write.ts says why). Resolves with
 * undefined when there is no guess yet or no connection to write on.
 */
async function recordOnGuess(db: LearnDb, input: EventInput, id: string, deviceId: string): Promise<LearnerEvent | undefined> {
  const guess = db.lastWritten;
  const row = rowId(db, input);
  if (!guess || !guess.rows.has(row)) return undefined;
  // Taken now: a call running alongside may move the guess on before this one checks it.
  const { hlc: last, offset } = guess;
  const before = guess.rows.get(row);
  const at = nextHlc(last, Date.now() + offset);
  const stamped = learnerEventSchema.parse({ ...input, id, deviceId, at });
  const next = applyEvent(before, placed(db, stamped));
  const clock: MetaRow<'hlc'> = { key: 'hlc', value: at };
  const tx = directTransaction(db, [db.events.name, db.pending.name, db.progress.name, db.meta.name]);
  if (!tx) return undefined;
  const meta = tx.objectStore(db.meta.name);
  const hlcRead: IDBRequest<MetaRow | undefined> = meta.get('hlc');
  const offsetRead: IDBRequest<MetaRow | undefined> = meta.get('clockOffset');
  const rowRead: IDBRequest<LessonProgress | undefined> = tx.objectStore(db.progress.name).get(row);
  // Requests answer in the order they were made, so the row's answer comes after the other two.
  rowRead.onsuccess = () => {
    const same = hlcRead.result?.value === last && ((offsetRead.result?.value as number | undefined) ?? 0) === offset && JSON.stringify(rowRead.result) === JSON.stringify(before);
    if (!same) tx.abort();
  };
  const done = committed(tx, () => new StaleGuess());
  try {
    tx.objectStore(db.events.name).add(stamped);
    // put, not add: the key is [this stamp, a new id], and the stamp is after the stored HLC
    // (checked above), which no stamp in the outbox passes. add would look for an existing key
    // first, and in an outbox that has seen a year of rows come and go, that lookup costs.
    tx.objectStore(db.pending.name).put(stamped);
    // A section read again or a bookmark set twice changes nothing: no row to rewrite.
    if (next !== before) tx.objectStore(db.progress.name).put(next);
    meta.put(clock);
  } catch (error) {
    // A request refused outright (a value that cannot be stored): the ones already made must
    // not commit without it.
    tx.abort();
    done.catch(() => {});
    throw error;
  }
  await done;
  announceWrites(db, [
    { table: db.events.name, row: stamped },
    { table: db.pending.name, row: stamped },
    ...(next !== before ? [{ table: db.progress.name, row: next }] : []),
    { table: db.meta.name, row: clock },
  ]);
  guess.hlc = at;
  guess.rows.set(row, next);
  return stamped;
}

/** Reads the HLC, the clock offset and the row, then writes: the first call in a tab, a retry, or after a stale guess. */
async function recordAfterReading(db: LearnDb, input: EventInput, id: string, deviceId: string, takenAt: number | undefined): Promise<LearnerEvent> {
  const row = rowId(db, input);
  const done = await db.transaction('rw', [db.events, db.pending, db.progress, db.meta], async () => {
    // Only a retry can find its id stored: a first attempt's id is new, so it skips the read.
    const existing = takenAt === undefined ? undefined : await db.events.get(id);
    if (existing) return { event: existing, read: undefined };
    // Both reads go out at once: one wait instead of two.
    const [[hlcRow, offsetRow], progress] = await Promise.all([db.meta.bulkGet(['hlc', 'clockOffset']), db.progress.get(row)]);
    const last = hlcRow?.value as Hlc | undefined;
    const offset = (offsetRow?.value as number | undefined) ?? 0;
    // The server's time, as far as this phone knows it (see sync/clock.ts): a wrong phone clock
    // must not decide which of two edits is newer.
    const now = Date.now() + offset;
    const taken = takenAt === undefined ? undefined : takenAt + offset;
    // A late event is stamped at the time it was taken, after any stamp already given to that
    // millisecond; the device's clock itself never moves back.
    const at = taken !== undefined && taken < now ? nextHlc(await lastStampAt(db, taken), taken) : nextHlc(last, now);
    // Validated here as well as on the server: a bad id is a bug better caught on the phone
    // than an event the server refuses days later.
    const stamped = learnerEventSchema.parse({ ...input, id, deviceId, at });
    const next = applyEvent(progress, placed(db, stamped));
    const hlc = !last || at > last ? at : last;
    await Promise.all([
      db.events.add(stamped),
      db.pending.add(stamped),
      next !== progress ? db.progress.put(next) : undefined,
      hlc !== last ? setMeta(db, 'hlc', hlc) : undefined,
    ]);
    return { event: stamped, read: { hlc, offset, next } };
  });
  if (done.read) {
    // What the store holds now, as far as this tab knows: the next record() starts from it.
    const { hlc, offset, next } = done.read;
    const guess = (db.lastWritten ??= { hlc, offset, rows: new Map<string, LessonProgress | undefined>() });
    Object.assign(guess, { hlc, offset });
    guess.rows.set(row, next);
  }
  return done.event;
}

/** The progress row an event updates: its lesson's id in the course the phone has now. */
const rowId = (db: LearnDb, input: EventInput) => (db.courseIds ? (currentLessonId(db.courseIds, input.lessonId) ?? input.lessonId) : input.lessonId);

/**
 * The newest stamp this device gave within millisecond `wall`, among the events the server does
 * not hold yet (a late event is a retry, so the others of its moment are still in the outbox).
 */
async function lastStampAt(db: LearnDb, wall: number): Promise<Hlc | undefined> {
  return (await unsyncedBetween(db, formatHlc(wall, 0), formatHlc(wall, 99_999)).last())?.at;
}
