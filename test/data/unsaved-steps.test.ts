import { beforeEach, describe, expect, it, vi } from 'vitest';
import { applySyncReply } from '../../src/data/apply-reply.ts';
import { LearnDb } from '../../src/data/db.ts';
import { formatHlc } from '../../src/shared/hlc.ts';
import { flushUnsaved, saveStep } from '../../src/data/unsaved-steps.ts';
import { syncStatusOf } from '../../src/data/sync-status.ts';
import { freshDb } from './test-db.ts';

/** localStorage as the browser keeps it across a reload: strings under keys. */
function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, String(v)),
    removeItem: (k) => void items.delete(k),
    clear: () => items.clear(),
  };
}

const full = () => {
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
};
const read = (sectionId: string) => ({ type: 'section_read', lessonId: 'intro', payload: { sectionId } }) as const;

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

describe('steps that could not be saved', () => {
  it('survive a reload while storage is full and are stored by the next tab, once each', async () => {
    const storage = memoryStorage();
    const before = freshDb();
    before.events.hook('creating', full);
    await saveStep(before, read('s-1'), storage);
    await saveStep(before, read('s-2'), storage);
    expect(storage.length).toBe(1);
    before.close();

    // The reloaded page: the same database, opened again, with space freed meanwhile.
    const after = new LearnDb(before.name);
    expect(await flushUnsaved(after, storage)).toBeNull();
    expect(await flushUnsaved(after, storage)).toBeNull();
    expect((await after.events.orderBy('[synced+at]').toArray()).map((e) => e.payload)).toEqual([{ sectionId: 's-1' }, { sectionId: 's-2' }]);
    expect(storage.length).toBe(0);
    after.close();
  });

  it('are stored once even when two tabs both retry them', async () => {
    const storage = memoryStorage();
    const first = freshDb();
    first.events.hook('creating', full);
    await saveStep(first, read('s-1'), storage);
    const stored = storage.getItem(storage.key(0)!)!;
    first.events.hook('creating').unsubscribe(full);

    const second = new LearnDb(first.name);
    storage.setItem(`egov-learn.unsaved.${first.name}.other-tab`, stored); // another tab's copy
    expect(await Promise.all([flushUnsaved(first, storage), flushUnsaved(second, storage)])).toEqual([null, null]);
    expect(await first.events.count()).toBe(1);
    second.close();
  });

  it('drop an invalid step with its error instead of blocking the steps behind it', async () => {
    const db = freshDb();
    const failure = await saveStep(db, { type: 'section_read', lessonId: 'Not A Kebab Id', payload: { sectionId: 's-1' } });
    expect(failure?.code).toBe('invalid_event');
    await saveStep(db, read('s-2'));
    expect(await db.events.count()).toBe(1);
    expect(syncStatusOf(db).get().unsaved).toBe(0);
  });

  it('keep the time they were taken: a note that waited loses to a newer edit from another device', async () => {
    const db = freshDb();
    db.events.hook('creating', full);
    await saveStep(db, { type: 'note_saved', lessonId: 'intro', payload: { text: 'written first, on this phone' } });
    db.events.hook('creating').unsubscribe(full);

    // Meanwhile the trainee edited the note on a laptop; the phone pulls that edit first.
    const laptopEdit = {
      id: crypto.randomUUID(), deviceId: crypto.randomUUID(), lessonId: 'intro', type: 'note_saved' as const,
      at: formatHlc(Date.now() + 1, 0), payload: { text: 'written later, on the laptop' },
    };
    await applySyncReply(db, { accepted: [], events: [laptopEdit], cursor: 1, more: false });
    expect(await flushUnsaved(db)).toBeNull();

    expect(await db.events.count()).toBe(2);
    expect((await db.progress.get('intro'))?.note).toBe('written later, on the laptop');
  });
});
