import { liveQuery } from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LocalStore, setAppStore } from '../../src/data/local-store.ts';
import { applySyncReply } from '../../src/data/sync/apply-reply.ts';
import type { EventInput, RecordOptions } from '../../src/data/outbox/record.ts';
import { getMeta, type LearnDb } from '../../src/data/store/learn-db.ts';
import { answerQuiz, completeLesson, markSectionRead, retryWaitingEvents, saveNote, setBookmark } from '../../src/data/verbs.ts';
import { formatHlc } from '../../src/shared/hlc.ts';
import { foldEvents } from '../../src/shared/merge-progress.ts';
import { quotaExceeded, refuseWrites } from './refuse-writes.ts';
import { freshStore } from './test-store.ts';

let store: LocalStore;
let db: LearnDb;
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  store = freshStore();
  db = store.db;
  setAppStore(store);
});
const record = (input: EventInput, options?: RecordOptions) => store.outbox.record(input, options);
const status = () => store.status.get();

describe('recording an event', () => {
  it('stores a stamped, unsynced event and its lesson progress together', async () => {
    const event = await record({ type: 'section_read', lessonId: 'intro', payload: { sectionId: 's-1' } });
    expect(event.deviceId).toBe(await getMeta(db, 'deviceId'));
    expect(await db.events.toArray()).toEqual([event]);
    expect(await db.pending.toArray()).toEqual([event]);
    expect((await db.progress.get('intro'))?.sectionsRead).toEqual(['s-1']);
    expect(await getMeta(db, 'hlc')).toBe(event.at);
  });

  it('stamps each event later than the last, even within one millisecond', async () => {
    const stamps = [];
    for (let i = 0; i < 20; i++) stamps.push((await record({ type: 'lesson_completed', lessonId: 'intro', payload: {} })).at);
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(20);
  });

  // The first record() in a tab reads before it writes, through Dexie; the next ones write
  // straight to IndexedDB (store/direct-write.ts). Each way stores all or nothing.
  it('stores nothing when updating the progress row fails, in a tab that has recorded before', async () => {
    const first = await record({ type: 'section_read', lessonId: 'intro', payload: { sectionId: 's-1' } });
    const before = await db.progress.get('intro');
    refuseWrites('progress', quotaExceeded);
    await expect(record({ type: 'section_read', lessonId: 'intro', payload: { sectionId: 's-2' } })).rejects.toThrow('quota');
    expect(await db.events.toArray()).toEqual([first]);
    expect(await db.pending.toArray()).toEqual([first]);
    expect(await db.progress.get('intro')).toEqual(before);
    expect(await getMeta(db, 'hlc')).toBe(first.at);
  });

  it('stores nothing when IndexedDB refuses a write only once it is made, in a tab that has recorded before', async () => {
    const first = await record({ type: 'section_read', lessonId: 'intro', payload: { sectionId: 's-1' } });
    // An id already stored: the add fails as its request runs, and the transaction aborts.
    await expect(record({ type: 'section_read', lessonId: 'intro', payload: { sectionId: 's-2' } }, { id: first.id })).rejects.toMatchObject({ name: 'ConstraintError' });
    expect(await db.events.toArray()).toEqual([first]);
    expect(await db.pending.toArray()).toEqual([first]);
    expect((await db.progress.get('intro'))?.sectionsRead).toEqual(['s-1']);
    expect(await getMeta(db, 'hlc')).toBe(first.at);
    // The tab's guess was dropped with the failure: the next event is stored as usual.
    await record({ type: 'section_read', lessonId: 'intro', payload: { sectionId: 's-2' } });
    expect((await db.progress.get('intro'))?.sectionsRead).toEqual(['s-1', 's-2']);
  });

  it('stores no progress when appending the event fails, in a tab that has not recorded yet', async () => {
    refuseWrites('events', quotaExceeded);
    await expect(record({ type: 'lesson_completed', lessonId: 'intro', payload: {} })).rejects.toThrow('quota');
    expect(await db.progress.count()).toBe(0);
    expect(await db.pending.count()).toBe(0);
  });

  it('records through Dexie again while Dexie has the database closed (another tab upgrading it)', async () => {
    await record({ type: 'section_read', lessonId: 'intro', payload: { sectionId: 's-1' } });
    db.close({ disableAutoOpen: false });
    await record({ type: 'section_read', lessonId: 'intro', payload: { sectionId: 's-2' } });
    expect(db.isOpen()).toBe(true);
    expect((await db.progress.get('intro'))?.sectionsRead).toEqual(['s-1', 's-2']);
    expect(await db.pending.count()).toBe(2);
  });

  it('records through Dexie again when the connection was closed under it (the browser may close one)', async () => {
    await record({ type: 'section_read', lessonId: 'intro', payload: { sectionId: 's-1' } });
    db.backendDB().close();
    await record({ type: 'section_read', lessonId: 'intro', payload: { sectionId: 's-2' } });
    expect((await db.progress.get('intro'))?.sectionsRead).toEqual(['s-1', 's-2']);
    expect(await db.pending.count()).toBe(2);
  });

  it('tells live queries in this tab and on the same database what it wrote', async () => {
    await record({ type: 'section_read', lessonId: 'intro', payload: { sectionId: 's-1' } });
    const other = new LocalStore(db.name);
    const seen: { sections?: string[]; pending?: number; events?: number } = {};
    const subscriptions = [
      liveQuery(() => db.progress.toArray()).subscribe((rows) => (seen.sections = rows.find((row) => row.lessonId === 'intro')?.sectionsRead)),
      liveQuery(() => other.db.pending.count()).subscribe((n) => (seen.pending = n)),
      liveQuery(() => other.db.events.where('lessonId').equals('intro').count()).subscribe((n) => (seen.events = n)),
    ];
    await vi.waitFor(() => expect(seen).toEqual({ sections: ['s-1'], pending: 1, events: 1 }));
    await record({ type: 'section_read', lessonId: 'intro', payload: { sectionId: 's-2' } });
    await vi.waitFor(() => expect(seen).toEqual({ sections: ['s-1', 's-2'], pending: 2, events: 2 }));
    subscriptions.forEach((s) => s.unsubscribe());
    other.db.close();
  });

  it('stores an event id once: retrying it changes nothing', async () => {
    const first = await record({ type: 'quiz_answered', lessonId: 'intro', payload: { answers: { q1: ['a'] }, score: 1, passed: true } }, { id: 'b7f1c7a2-5d0e-4c4b-9a59-3f7f0a6f3d11' });
    const again = await record({ type: 'quiz_answered', lessonId: 'intro', payload: { answers: { q1: ['a'] }, score: 1, passed: true } }, { id: first.id, takenAt: Date.now() - 1000 });
    expect(again).toEqual(first);
    expect(await db.events.count()).toBe(1);
    expect((await db.progress.get('intro'))?.attempts).toHaveLength(1);
  });

  it('stamps late events of one millisecond apart from each other, in order', async () => {
    const takenAt = Date.now() - 60_000;
    const stamps = [];
    for (let i = 0; i < 3; i++) stamps.push((await record({ type: 'lesson_completed', lessonId: 'intro', payload: {} }, { takenAt })).at);
    expect(new Set(stamps).size).toBe(3);
    expect([...stamps].sort()).toEqual(stamps);
  });

  it('stamps a late event at the time it was taken, without moving the clock back', async () => {
    const now = await record({ type: 'lesson_completed', lessonId: 'intro', payload: {} });
    const late = await record({ type: 'note_saved', lessonId: 'intro', payload: { text: 'chờ' } }, { takenAt: Date.now() - 60_000 });
    expect(late.at < now.at).toBe(true);
    expect(await getMeta(db, 'hlc')).toBe(now.at);
  });

  it('keeps derived progress equal to the fold of the stored events', async () => {
    await markSectionRead('intro', 's-1');
    await answerQuiz('intro', { q1: ['a'] }, 0.5, false);
    await answerQuiz('intro', { q1: ['b'] }, 1, true);
    await setBookmark('intro', 's-2', true);
    await setBookmark('intro', 's-2', false);
    await setBookmark('basics', 's-3', true);
    await saveNote('intro', 'ghi chú');
    await completeLesson('intro');
    const events = await db.events.toArray();
    expect(events).toHaveLength(8);
    const rows = Object.fromEntries((await db.progress.toArray()).map((p) => [p.lessonId, p]));
    expect(rows).toEqual(foldEvents(events));
    expect(rows.intro).toMatchObject({ completed: true, bestScore: 1, bookmarks: [], note: 'ghi chú' });
  });
});

describe('record() in two tabs, and after other writers', () => {
  // Two LocalStores on one database name are two tabs of the app: each keeps its own guess of the
  // clock and the rows, which the other's writes make stale.
  const tabs = () => [store, new LocalStore(db.name)] as const;
  const noteIn = (tab: LocalStore, text: string) => tab.outbox.record({ type: 'note_saved', lessonId: 'intro', payload: { text } });

  it('stamps every event of the device later than the last, whichever tab records it', async () => {
    const [a, b] = tabs();
    const stamps: string[] = [];
    for (let i = 0; i < 12; i++) stamps.push((await noteIn(i % 3 === 0 ? b : a, `ghi chú ${i}`)).at);
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(12);
    expect(await getMeta(db, 'hlc')).toBe(stamps.at(-1));
    b.db.close();
  });

  it('keeps the rows equal to the fold of the events when tabs record in turn and at once', async () => {
    const [a, b] = tabs();
    await a.outbox.record({ type: 'section_read', lessonId: 'intro', payload: { sectionId: 's-1' } });
    await b.outbox.record({ type: 'section_read', lessonId: 'intro', payload: { sectionId: 's-2' } });
    await a.outbox.record({ type: 'section_read', lessonId: 'intro', payload: { sectionId: 's-3' } });
    await Promise.all([noteIn(a, 'from a'), noteIn(b, 'from b'), a.outbox.record({ type: 'lesson_completed', lessonId: 'intro', payload: {} })]);
    const events = await db.events.toArray();
    expect(events).toHaveLength(6);
    expect(Object.fromEntries((await db.progress.toArray()).map((p) => [p.lessonId, p]))).toEqual(foldEvents(events));
    expect((await db.progress.get('intro'))?.sectionsRead).toEqual(['s-1', 's-2', 's-3']);
    b.db.close();
  });

  it('sees rows and the clock written by a sync in the same tab', async () => {
    await record({ type: 'section_read', lessonId: 'intro', payload: { sectionId: 's-1' } });
    const fromLaptop = { id: crypto.randomUUID(), deviceId: crypto.randomUUID(), lessonId: 'intro', at: formatHlc(Date.now() + 5_000, 7), type: 'section_read' as const, payload: { sectionId: 's-9' } };
    await applySyncReply(db, { accepted: [], refused: [], restamped: [], events: [fromLaptop], cursor: 1, more: false, serverTime: Date.now() });
    const next = await record({ type: 'section_read', lessonId: 'intro', payload: { sectionId: 's-2' } });
    expect(next.at > fromLaptop.at).toBe(true);
    expect(await db.progress.get('intro')).toEqual(foldEvents(await db.events.toArray()).intro);
    expect((await db.progress.get('intro'))?.sectionsRead).toHaveLength(3);
  });
});

describe('the verbs', () => {
  it('never reject: a full disk becomes a storage error the status line shows, and the event is kept', async () => {
    refuseWrites('events', quotaExceeded);
    await expect(markSectionRead('intro', 's-1')).resolves.toBeUndefined();
    expect(status()).toMatchObject({ storageError: { code: 'quota_exceeded', i18nKey: 'sync:storage.quota_exceeded' }, unsaved: 1 });
    expect(await db.events.count()).toBe(0);
  });

  it('store the kept events first, in the order taken, once there is space again', async () => {
    const space = refuseWrites('events', quotaExceeded);
    await markSectionRead('intro', 's-1');
    await saveNote('intro', 'first');
    expect(status().unsaved).toBe(2);
    space();
    await saveNote('intro', 'second');
    const events = await db.pending.orderBy(':id').toArray();
    expect(events.map((e) => e.payload)).toEqual([{ sectionId: 's-1' }, { text: 'first' }, { text: 'second' }]);
    expect((await db.progress.get('intro'))?.note).toBe('second');
    expect(status()).toMatchObject({ storageError: null, unsaved: 0 });
  });

  it('store the kept events when the trainee taps "Try again"', async () => {
    const space = refuseWrites('events', quotaExceeded);
    await completeLesson('intro');
    await retryWaitingEvents();
    expect(status().unsaved).toBe(1);
    space();
    await retryWaitingEvents();
    expect(await db.events.count()).toBe(1);
    expect(status()).toMatchObject({ storageError: null, unsaved: 0 });
  });

  it('report an id the course could not contain instead of storing it', async () => {
    await expect(markSectionRead('Not A Kebab Id', 's-1')).resolves.toBeUndefined();
    expect(status().storageError?.code).toBe('invalid_event');
    expect(await db.events.count()).toBe(0);
  });

  it('clear the storage error once saving works again', async () => {
    store.changes.emit({ kind: 'unsaved', error: { code: 'quota_exceeded', i18nKey: 'sync:storage.quota_exceeded' }, waiting: 0 });
    await completeLesson('intro');
    expect(status().storageError).toBeNull();
  });
});
