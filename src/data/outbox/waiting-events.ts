import type { KeyValueStorage } from '../local-storage.ts';
import type { EventInput } from './record.ts';

/*
 * Events the phone could not store yet, storage being full, say, in the order they happened.
 * Each has its id and the time it happened from the start: a retried event whose earlier attempt
 * did commit (or whose tab died between "stored" and "removed") is found by its id instead of
 * counted twice, and a note that waited is not dated later than an edit made meanwhile on
 * another device.
 *
 * Once storing has failed, the list is mirrored in localStorage, which browsers keep outside
 * IndexedDB's quota, so a reload while storage is full does not lose it either; events that store
 * at once never touch localStorage. Each tab has its own key; a tab adopts every key of its
 * database on first use, and the ids make it harmless when two tabs store the same event.
 */

export interface WaitingEvent {
  id: string;
  /** When the trainee acted (ms). */
  takenAt: number;
  input: EventInput;
  /** Whether storing it failed before: only then is it stamped with its own time. */
  late?: boolean;
}

const tabId = Math.random().toString(36).slice(2, 10);

export class WaitingEvents {
  readonly list: WaitingEvent[];
  private readonly key: string;
  /** Whether storage holds a copy, so an empty list touches storage only to clear it. */
  private mirrored = false;

  constructor(
    dbName: string,
    private readonly storage: KeyValueStorage | undefined,
  ) {
    const prefix = prefixOf(dbName);
    this.key = prefix + tabId;
    this.list = adopt(prefix, storage);
    this.mirror();
  }

  /** Writes the list to storage while it holds events, and clears it once, when it empties. */
  mirror(): void {
    try {
      if (this.list.length > 0) this.storage?.setItem(this.key, JSON.stringify(this.list));
      else if (this.mirrored) this.storage?.removeItem(this.key);
      this.mirrored = this.list.length > 0;
    } catch {
      // localStorage full or forbidden: the events stay in memory for this session
    }
  }
}

/**
 * Whether any tab of database `dbName` has events waiting in storage: they may be retried under
 * the id of an event that was in fact stored (see the top of this file), which compaction must
 * still find (store/compact-events.ts).
 */
export function eventsWaiting(dbName: string, storage: KeyValueStorage | undefined): boolean {
  if (!storage) return false;
  try {
    return keysOf(prefixOf(dbName), storage).some((k) => storage.getItem(k) !== '[]');
  } catch {
    return true; // unreadable: assume the worst, compaction can wait
  }
}

/** Where the tabs of database `dbName` keep their waiting events: one key each, under this prefix. */
const prefixOf = (dbName: string) => `egov-learn.unsaved.${dbName}.`;

const keysOf = (prefix: string, storage: KeyValueStorage) =>
  Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((k): k is string => k?.startsWith(prefix) ?? false);

/** Takes over the events that earlier (or other) tabs of this database left in storage. */
function adopt(prefix: string, storage: KeyValueStorage | undefined): WaitingEvent[] {
  if (!storage) return [];
  const events: WaitingEvent[] = [];
  try {
    for (const key of keysOf(prefix, storage)) {
      const stored: unknown = JSON.parse(storage.getItem(key) ?? '[]');
      // From an earlier life of the page: stamped with the time it happened, like any late event.
      if (Array.isArray(stored)) events.push(...stored.filter(isWaitingEvent).map((e) => ({ ...e, late: true })));
      storage.removeItem(key);
    }
  } catch {
    // unreadable storage: nothing to adopt
  }
  return events;
}

const isWaitingEvent = (v: unknown): v is WaitingEvent => {
  const e = v as Partial<WaitingEvent> | null;
  return typeof e?.id === 'string' && typeof e.takenAt === 'number' && typeof e.input === 'object';
};
