import { learnerEventSchema, type LearnerEvent } from '../../shared/events.ts';
import { formatHlc, nextHlc, type Hlc } from '../../shared/hlc.ts';
import { applyEvent } from '../../shared/merge-progress.ts';
import { ensureDeviceId, getMeta, setMeta, type LearnDb } from '../store/learn-db.ts';

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
  const event = await db.transaction('rw', [db.events, db.progress, db.meta], async () => {
    // Only a retry can find its id stored: a first attempt's id is new, so it skips the read.
    const existing = takenAt === undefined ? undefined : await db.events.get(id);
    if (existing) {
      const { synced: _, ...stored } = existing;
      return stored as LearnerEvent;
    }
    const last = await getMeta(db, 'hlc');
    // A late event is stamped at the time it was taken, after any stamp already given to that
    // millisecond; the device's clock itself never moves back.
    const at = takenAt !== undefined && takenAt < Date.now() ? nextHlc(await lastStampAt(db, takenAt), takenAt) : nextHlc(last, Date.now());
    // Validated here as well as on the server: a bad id is a bug better caught on the phone
    // than a batch the server refuses days later.
    const stamped = learnerEventSchema.parse({ ...input, id, deviceId, at });
    await db.events.add({ ...stamped, synced: 0 });
    if (!last || at > last) await setMeta(db, 'hlc', at);
    await db.progress.put(applyEvent(await db.progress.get(stamped.lessonId), stamped));
    return stamped;
  });
  return event;
}

/** The newest stamp the database holds within millisecond `wall`, if any. */
async function lastStampAt(db: LearnDb, wall: number): Promise<Hlc | undefined> {
  const [from, to] = [formatHlc(wall, 0), formatHlc(wall, 99_999)];
  const newest = await Promise.all(
    ([0, 1] as const).map((synced) => db.events.where('[synced+at]').between([synced, from], [synced, to], true, true).last()),
  );
  return newest.map((e) => e?.at).reduce<Hlc | undefined>((max, at) => (at && (!max || at > max) ? at : max), undefined);
}
