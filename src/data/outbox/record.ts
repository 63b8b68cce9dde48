import { learnerEventSchema, type LearnerEvent } from '../../shared/events.ts';
import { formatHlc, nextHlc, type Hlc } from '../../shared/hlc.ts';
import { currentLessonId } from '../../shared/course-ids.ts';
import { applyEvent } from '../../shared/merge-progress.ts';
import { ensureDeviceId, setMeta, type LearnDb } from '../store/learn-db.ts';
import { placed } from '../store/progress-rows.ts';

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

/**
 * Stamps `input` and, in one transaction, appends it to the event log (unsynced) and updates
 * its lesson's progress row: either both are stored or neither. Throws on failure (the outbox
 * turns that into a DataError); resolves with the stored event. A retried event (`takenAt`)
 * whose id is already stored stores nothing and resolves with the stored event, so it is never
 * counted twice.
 */
export async function record(db: LearnDb, input: EventInput, { id = crypto.randomUUID(), takenAt }: RecordOptions = {}): Promise<LearnerEvent> {
  const deviceId = await ensureDeviceId(db);
  return db.transaction('rw', [db.events, db.outbox, db.progress, db.meta], async () => {
    // Only a retry can find its id stored: a first attempt's id is new, so it skips the read.
    const existing = takenAt === undefined ? undefined : await db.events.get(id);
    if (existing) return existing;
    // Both reads go out at once: one wait instead of two.
    const row = db.courseIds ? (currentLessonId(db.courseIds, input.lessonId) ?? input.lessonId) : input.lessonId;
    const [[hlcRow, offsetRow], progress] = await Promise.all([db.meta.bulkGet(['hlc', 'clockOffset']), db.progress.get(row)]);
    const last = hlcRow?.value as Hlc | undefined;
    // The server's time, as far as this phone knows it (see sync/clock.ts): a wrong phone clock
    // must not decide which of two edits is newer.
    const now = Date.now() + ((offsetRow?.value as number | undefined) ?? 0);
    const taken = takenAt === undefined ? undefined : takenAt + ((offsetRow?.value as number | undefined) ?? 0);
    // A late event is stamped at the time it was taken, after any stamp already given to that
    // millisecond; the device's clock itself never moves back.
    const at = taken !== undefined && taken < now ? nextHlc(await lastStampAt(db, taken), taken) : nextHlc(last, now);
    // Validated here as well as on the server: a bad id is a bug better caught on the phone
    // than an event the server refuses days later.
    const stamped = learnerEventSchema.parse({ ...input, id, deviceId, at });
    const next = applyEvent(progress, placed(db, stamped));
    await Promise.all([
      db.events.add(stamped),
      db.outbox.add(stamped),
      // A section read again or a bookmark set twice changes nothing: no row to rewrite.
      next !== progress ? db.progress.put(next) : undefined,
      !last || at > last ? setMeta(db, 'hlc', at) : undefined,
    ]);
    return stamped;
  });
}

/**
 * The newest stamp this device gave within millisecond `wall`, among the events the server does
 * not hold yet (a late event is a retry, so the others of its moment are still in the outbox).
 */
async function lastStampAt(db: LearnDb, wall: number): Promise<Hlc | undefined> {
  return (await db.outbox.where('at').between(formatHlc(wall, 0), formatHlc(wall, 99_999), true, true).last())?.at;
}
