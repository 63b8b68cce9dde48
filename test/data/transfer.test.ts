import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LocalStore } from '../../src/data/local-store.ts';
import { getMeta, setMeta } from '../../src/data/store/learn-db.ts';
import { exportProgress } from '../../src/data/transfer/export-progress.ts';
import { importProgress } from '../../src/data/transfer/import-progress.ts';
import { foldEvents } from '../../src/shared/merge-progress.ts';
import { freshStore } from './test-store.ts';

const trainee = { id: 'tr-1', name: 'Hà Văn Nam', unit: 'Sở TT&TT Hà Giang' };
let a: LocalStore;
let b: LocalStore;
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  a = freshStore('phone-a');
  b = freshStore('phone-b');
});

/** Phone A: one event the server holds, one pulled from another device, two it never sent. */
async function studyOnA() {
  const synced = await a.outbox.record({ type: 'section_read', lessonId: 'intro', payload: { sectionId: 's-1' } });
  await a.db.events.update(synced.id, { synced: 1 });
  const pulled = { id: crypto.randomUUID(), deviceId: 'laptop-0001', lessonId: 'intro', at: '1700000000000:00000', type: 'bookmark_set', payload: { sectionId: 's-2' } } as const;
  await a.db.events.add({ ...pulled, synced: 1 });
  await a.outbox.record({ type: 'note_saved', lessonId: 'intro', payload: { text: 'ghi chú' } });
  await a.outbox.record({ type: 'quiz_answered', lessonId: 'intro', payload: { answers: { q: ['a'] }, score: 1, passed: true } });
  await setMeta(a.db, 'trainee', trainee);
  return JSON.stringify(await exportProgress('1.2.3', a));
}

describe('the progress file', () => {
  it('holds every event with whether the server has it, the phone and its trainee', async () => {
    const file = JSON.parse(await studyOnA());
    expect(file).toMatchObject({ format: 'egov-learn-progress', version: 1, app: '1.2.3', deviceId: await getMeta(a.db, 'deviceId'), trainee });
    expect(file.events).toHaveLength(4);
    expect(file.events.filter((e: { synced: boolean }) => e.synced)).toHaveLength(2);
    const byId = new Map((await a.db.events.toArray()).map((e) => [e.id, e.synced === 1]));
    for (const e of file.events) expect(e.synced).toBe(byId.get(e.id));
    const stamps = file.events.map((e: { at: string }) => e.at);
    expect(stamps).toEqual([...stamps].sort()); // in the order they happened
  });

  it("keeps the server's events as their devices', makes the unsent ones this phone's own, and folds the same progress", async () => {
    const text = await studyOnA();
    const changes = vi.fn();
    b.changes.on(changes);
    expect(await importProgress(text, b)).toEqual({ ok: true, added: 4, known: 0 });
    const bDevice = await getMeta(b.db, 'deviceId');
    const onA = await a.db.events.toArray();
    const onB = new Map((await b.db.events.toArray()).map((e) => [e.id, e]));
    for (const e of onA) {
      const imported = onB.get(e.id)!;
      if (e.synced) expect(imported).toEqual(e); // as pulled
      else expect(imported).toEqual({ ...e, deviceId: bDevice, synced: 0 }); // this phone pushes it now
    }
    expect(await b.db.progress.toArray()).toEqual(Object.values(foldEvents([...onB.values()])));
    expect(changes).toHaveBeenCalledWith({ kind: 'recorded' });
    // The next stamp on B sorts after everything it imported.
    const newest = onA.map((e) => e.at).sort().at(-1)!;
    expect((await getMeta(b.db, 'hlc'))! >= newest).toBe(true);
  });

  it('changes nothing when imported twice, or into the phone that made it', async () => {
    const text = await studyOnA();
    await importProgress(text, b);
    const before = { events: await b.db.events.toArray(), progress: await b.db.progress.toArray() };
    expect(await importProgress(text, b)).toEqual({ ok: true, added: 0, known: 4 });
    expect({ events: await b.db.events.toArray(), progress: await b.db.progress.toArray() }).toEqual(before);
    const onA = await a.db.events.toArray();
    expect(await importProgress(text, a)).toEqual({ ok: true, added: 0, known: 4 });
    expect(await a.db.events.toArray()).toEqual(onA);
  });

  it('stores an event listed twice in the file once', async () => {
    const file = JSON.parse(await studyOnA());
    file.events.push(file.events[0]);
    expect(await importProgress(JSON.stringify(file), b)).toEqual({ ok: true, added: 4, known: 0 });
    expect(await b.db.events.count()).toBe(4);
  });

  it('refuses a damaged, foreign, newer or invalid file, or another trainee\'s, and stores nothing', async () => {
    const text = await studyOnA();
    const file = JSON.parse(text);
    const invalid = structuredClone(file);
    invalid.events[1].payload = { sectionId: 'Not An Id' };
    const cases: Array<[string, string]> = [
      [text.slice(0, 100), 'damaged'],
      ['', 'damaged'],
      ['{"name":"something else"}', 'not_progress_file'],
      ['[1,2,3]', 'not_progress_file'],
      ['null', 'not_progress_file'],
      [JSON.stringify({ ...file, version: 2 }), 'newer_version'],
      [JSON.stringify(invalid), 'damaged'],
      [JSON.stringify({ ...file, deviceId: 'x' }), 'damaged'],
    ];
    for (const [input, code] of cases) {
      const result = await importProgress(input, b);
      expect(result, input.slice(0, 40)).toEqual({ ok: false, error: { code, i18nKey: `me:transfer.errors.${code}` } });
    }
    await setMeta(b.db, 'trainee', { id: 'tr-2', name: 'Người khác', unit: 'Đơn vị khác' });
    expect(await importProgress(text, b)).toMatchObject({ ok: false, error: { code: 'other_trainee' } });
    expect(await b.db.events.count()).toBe(0);
    expect(await b.db.progress.count()).toBe(0);
  });

  it('takes a file made before enrolment, whoever this phone is enrolled for', async () => {
    await a.outbox.record({ type: 'section_read', lessonId: 'intro', payload: { sectionId: 's-1' } });
    const text = JSON.stringify(await exportProgress('1.2.3', a));
    await setMeta(b.db, 'trainee', trainee);
    expect(await importProgress(text, b)).toEqual({ ok: true, added: 1, known: 0 });
  });

  it('stores nothing when the phone cannot store it all', async () => {
    const text = await studyOnA();
    b.db.progress.hook('creating', () => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(await importProgress(text, b)).toMatchObject({ ok: false, error: { code: 'storage' } });
    expect(await b.db.events.count()).toBe(0);
  });
});
