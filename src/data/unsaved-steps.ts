import { toDataError, type DataError } from './data-error.ts';
import type { LearnDb } from './db.ts';
import { record, type EventInput } from './record.ts';
import { syncStatusOf } from './sync-status.ts';

/*
 * Steps the phone could not store yet, storage being full, say. Every step the trainee takes
 * goes through this queue, oldest first, so a retry keeps their order, and a step is removed
 * only once IndexedDB holds it. Each step gets its event id and its time when it is taken: a
 * retried step whose earlier attempt did commit (or whose tab died between "stored" and
 * "removed") is found by its id instead of counted twice, and a note that waited is not dated
 * later than an edit made meanwhile on another device.
 *
 * Once storing has failed, the queue is mirrored in localStorage, which browsers keep outside
 * IndexedDB's quota, so a reload while storage is full does not lose it either; steps that
 * store at once never touch localStorage. Each tab has its own key; a tab that starts adopts
 * every key of its database, and the ids make it harmless when two tabs store the same step.
 */

interface UnsavedStep {
  id: string;
  /** When the trainee took the step (ms). */
  takenAt: number;
  input: EventInput;
  /** Whether storing it failed before: only then is it stamped with its own time. */
  late?: boolean;
}

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

interface Queue {
  steps: UnsavedStep[];
  /** The flush under way; flushes run one at a time so a step is never recorded twice at once. */
  running: Promise<DataError | null>;
  key: string;
  /** Whether storage holds a copy, so an empty queue touches storage only to clear it. */
  mirrored: boolean;
}

const queues = new WeakMap<LearnDb, Queue>();
const tabId = Math.random().toString(36).slice(2, 10);

/** Queues one step and stores everything queued, in order; resolves with what failed, if anything. */
export function saveStep(db: LearnDb, input: EventInput, storage = browserStorage()): Promise<DataError | null> {
  const queue = queueOf(db, storage);
  queue.steps.push({ id: crypto.randomUUID(), takenAt: Date.now(), input });
  return flushUnsaved(db, storage);
}

/**
 * Stores the steps still waiting (none, usually): the "Try again" button and app start call
 * this. Resolves with the failure that stopped it, or null once the queue is empty.
 */
export function flushUnsaved(db: LearnDb, storage = browserStorage()): Promise<DataError | null> {
  const queue = queueOf(db, storage);
  // A flush that threw must not leave the chain rejected, or nothing would be saved again.
  queue.running = queue.running.catch(() => null).then(() => flush(db, queue, storage));
  return queue.running;
}

async function flush(db: LearnDb, queue: Queue, storage: KeyValueStorage | undefined): Promise<DataError | null> {
  const status = syncStatusOf(db);
  let failure: DataError | null = null;
  while (queue.steps.length > 0) {
    const step = queue.steps[0]!;
    try {
      await record(step.input, db, step.late ? { id: step.id, takenAt: step.takenAt } : { id: step.id });
      queue.steps.shift();
    } catch (error) {
      console.error('could not save progress', error);
      step.late = true;
      failure = toDataError(error);
      // An invalid step never becomes valid: drop it (the message asks the trainee to report
      // it) rather than let it block every step behind it. Anything else may pass later.
      if (failure.code !== 'invalid_event') break;
      queue.steps.shift();
    }
  }
  mirror(queue, storage);
  status.patch({ storageError: failure, unsaved: queue.steps.length });
  return failure;
}

function queueOf(db: LearnDb, storage: KeyValueStorage | undefined): Queue {
  let queue = queues.get(db);
  if (!queue) {
    queue = { steps: adopt(db, storage), running: Promise.resolve(null), key: `${prefix(db)}${tabId}`, mirrored: false };
    queues.set(db, queue);
    mirror(queue, storage);
  }
  return queue;
}

const prefix = (db: LearnDb) => `egov-learn.unsaved.${db.name}.`;

/** Takes over the steps that earlier (or other) tabs of this database left in storage. */
function adopt(db: LearnDb, storage: KeyValueStorage | undefined): UnsavedStep[] {
  if (!storage) return [];
  const steps: UnsavedStep[] = [];
  try {
    const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((k): k is string => k?.startsWith(prefix(db)) ?? false);
    for (const key of keys) {
      const stored: unknown = JSON.parse(storage.getItem(key) ?? '[]');
      // From an earlier life of the page: stamped with the time it was taken, like any late step.
      if (Array.isArray(stored)) steps.push(...stored.filter(isStep).map((step) => ({ ...step, late: true })));
      storage.removeItem(key);
    }
  } catch {
    // unreadable storage: nothing to adopt
  }
  return steps;
}

/** Writes the queue to storage while it holds steps, and clears it once, when it empties. */
function mirror(queue: Queue, storage: KeyValueStorage | undefined) {
  try {
    if (queue.steps.length > 0) storage?.setItem(queue.key, JSON.stringify(queue.steps));
    else if (queue.mirrored) storage?.removeItem(queue.key);
    queue.mirrored = queue.steps.length > 0;
  } catch {
    // localStorage full or forbidden (private mode): the steps stay in memory for this session
  }
}

const isStep = (v: unknown): v is UnsavedStep => {
  const step = v as Partial<UnsavedStep> | null;
  return typeof step?.id === 'string' && typeof step.takenAt === 'number' && typeof step.input === 'object';
};

function browserStorage(): KeyValueStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // a sandboxed page throws on merely reading localStorage
  }
}
