import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LocalStore } from '../../src/data/local-store.ts';
import { applySyncReply } from '../../src/data/sync/apply-reply.ts';
import { formatHlc } from '../../src/shared/hlc.ts';
import { quotaExceeded, refuseWrites } from './refuse-writes.ts';
import { freshStore, memoryStorage } from './test-store.ts';

const read = (sectionId: string) => ({ type: 'section_read', lessonId: 'intro', payload: { sectionId } }) as const;

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

describe('events that could not be stored', () => {
  it('survive a reload while storage is full and are stored by the next tab, once each', async () => {
    const storage = memoryStorage();
    const before = freshStore('device', { storage });
    const spaceFreed = refuseWrites('events', quotaExceeded);
    await before.outbox.add(read('s-1'));
    await before.outbox.add(read('s-2'));
    expect(storage.length).toBe(1);
    before.db.close();
    spaceFreed();

    // The reloaded page: the same database, opened again, with space freed meanwhile.
    const after = new LocalStore(before.db.name, { storage });
    expect(await after.outbox.retry()).toBeNull();
    expect(await after.outbox.retry()).toBeNull();
    expect((await after.db.pending.orderBy(':id').toArray()).map((e) => e.payload)).toEqual([{ sectionId: 's-1' }, { sectionId: 's-2' }]);
    expect(storage.length).toBe(0);
    after.db.close();
  });

  it('are stored once even when two tabs both retry them', async () => {
    const storage = memoryStorage();
    const first = freshStore('device', { storage });
    const spaceFreed = refuseWrites('events', quotaExceeded);
    await first.outbox.add(read('s-1'));
    const stored = storage.getItem(storage.key(0)!)!;
    spaceFreed();

    storage.setItem(`egov-learn.unsaved.${first.db.name}.other-tab`, stored); // another tab's copy
    const second = new LocalStore(first.db.name, { storage });
    expect(await Promise.all([first.outbox.retry(), second.outbox.retry()])).toEqual([null, null]);
    expect(await first.db.events.count()).toBe(1);
    second.db.close();
  });

  it('drop an invalid event with its error instead of blocking the events behind it', async () => {
    const store = freshStore();
    const failure = await store.outbox.add({ type: 'section_read', lessonId: 'Not A Kebab Id', payload: { sectionId: 's-1' } });
    expect(failure?.code).toBe('invalid_event');
    await store.outbox.add(read('s-2'));
    expect(await store.db.events.count()).toBe(1);
    expect(store.status.get().unsaved).toBe(0);
  });

  it('keep the time they were taken: a note that waited loses to a newer edit from another device', async () => {
    const store = freshStore();
    const { db } = store;
    const spaceFreed = refuseWrites('events', quotaExceeded);
    await store.outbox.add({ type: 'note_saved', lessonId: 'intro', payload: { text: 'written first, on this phone' } });
    spaceFreed();

    // Meanwhile the trainee edited the note on a laptop; the phone pulls that edit first.
    const laptopEdit = {
      id: crypto.randomUUID(), deviceId: crypto.randomUUID(), lessonId: 'intro', type: 'note_saved' as const,
      at: formatHlc(Date.now() + 1, 0), payload: { text: 'written later, on the laptop' },
    };
    await applySyncReply(db, { accepted: [], refused: [], restamped: [], events: [laptopEdit], cursor: 1, more: false, serverTime: Date.now() });
    expect(await store.outbox.retry()).toBeNull();

    expect(await db.events.count()).toBe(2);
    expect((await db.progress.get('intro'))?.note).toBe('written later, on the laptop');
  });
});
