import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { LocalStore } from '../../src/data/local-store.ts';
import { getMeta, pendingKey, setMeta } from '../../src/data/store/learn-db.ts';
import { exportProgress } from '../../src/data/transfer/export-progress.ts';
import { importProgress } from '../../src/data/transfer/import-progress.ts';
import type { LearnerEvent } from '../../src/shared/events.ts';
import { foldEvents } from '../../src/shared/merge-progress.ts';
import { quotaExceeded, refuseWrites } from './refuse-writes.ts';
import { freshStore } from './test-store.ts';

const trainee = { id: 'tr-1', name: 'Hà Văn Nam', unit: 'Sở TT&TT Hà Giang' };
let a: LocalStore;
let b: LocalStore;
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  a = freshStore('phone-a');
  b = freshStore('phone-b');
});

/**
 * Phone A: one event the server holds, one pulled from another device, one the server refused
 * (held back), and two it never sent. Resolves with its progress file as text.
 */
async function studyOnA() {
  const sent = await a.outbox.record({ type: 'section_read', lessonId: 'intro', payload: { sectionId: 's-1' } });
  await a.db.pending.delete(pendingKey(sent)); // acknowledged by the server
  const pulled: LearnerEvent = { id: crypto.randomUUID(), deviceId: crypto.randomUUID(), lessonId: 'intro', at: '1700000000000:00000', type: 'bookmark_set', payload: { sectionId: 's-2' } };
  await a.db.events.add(pulled);
  const refused = await a.outbox.record({ type: 'bookmark_set', lessonId: 'intro', payload: { sectionId: 's-3' } });
  await a.db.pending.delete(pendingKey(refused));
  await a.db.held.put({ id: refused.id, event: refused, code: 'id_conflict', message: 'this id is taken', heldAt: Date.now() });
  await a.outbox.record({ type: 'note_saved', lessonId: 'intro', payload: { text: 'ghi chú' } });
  await a.outbox.record({ type: 'quiz_answered', lessonId: 'intro', payload: { answers: { q: ['a'] }, score: 1, passed: true } });
  await setMeta(a.db, 'trainee', trainee);
  return { text: JSON.stringify(await exportProgress('1.2.3', a)), sent, pulled, refused };
}

const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id).sort();

describe('the progress file', () => {
  it('holds every event, in the order they happened, with whether the server has it or refused it, the phone and its trainee', async () => {
    const { text, sent, pulled, refused } = await studyOnA();
    const file = JSON.parse(text);
    expect(file).toMatchObject({ format: 'egov-learn-progress', version: 1, app: '1.2.3', deviceId: await getMeta(a.db, 'deviceId'), trainee });
    expect(ids(file.events)).toEqual(ids(await a.db.events.toArray()));
    const byId = new Map(file.events.map((e: { id: string }) => [e.id, e]));
    expect(byId.get(sent.id)).toMatchObject({ synced: true });
    expect(byId.get(pulled.id)).toMatchObject({ synced: true });
    expect(byId.get(refused.id)).toMatchObject({ synced: false, held: { code: 'id_conflict', message: 'this id is taken' } });
    expect(file.events.filter((e: { synced: boolean; held?: unknown }) => !e.synced && !e.held)).toHaveLength(2);
    const stamps = file.events.map((e: { at: string }) => e.at);
    expect(stamps).toEqual([...stamps].sort());
  });

  it("keeps the server's events as their devices', makes the unsent ones this phone's own, keeps refused ones held, and folds the same progress", async () => {
    const { text, sent, pulled, refused } = await studyOnA();
    const changes = vi.fn();
    b.changes.on(changes);
    expect(await importProgress(text, b)).toEqual({ ok: true, added: 5, known: 0 });
    const bDevice = (await getMeta(b.db, 'deviceId'))!;
    const waitingOnA = new Set(ids(await a.db.pending.toArray()));
    const onB = new Map((await b.db.events.toArray()).map((e) => [e.id, e]));
    for (const e of await a.db.events.toArray()) {
      expect(onB.get(e.id)).toEqual(waitingOnA.has(e.id) ? { ...e, deviceId: bDevice } : e);
    }
    // B pushes exactly the two A never sent, under its own id; the refused one is held, not sent.
    expect(ids(await b.db.pending.toArray())).toEqual([...waitingOnA].sort());
    expect((await b.db.pending.toArray()).every((e) => e.deviceId === bDevice)).toBe(true);
    expect(await b.db.held.toArray()).toEqual([expect.objectContaining({ id: refused.id, event: refused, code: 'id_conflict' })]);
    expect(await b.db.pending.get(pendingKey(sent))).toBeUndefined();
    expect(await b.db.pending.get(pendingKey(pulled))).toBeUndefined();
    expect(await b.db.progress.toArray()).toEqual(Object.values(foldEvents([...onB.values()])));
    expect(changes).toHaveBeenCalledWith({ kind: 'recorded' });
    // The next stamp on B sorts after everything it imported.
    const newest = [...onB.values()].map((e) => e.at).sort().at(-1)!;
    expect((await getMeta(b.db, 'hlc'))! >= newest).toBe(true);
  });

  it('changes nothing when imported twice, or into the phone that made it', async () => {
    const { text } = await studyOnA();
    await importProgress(text, b);
    const snapshot = async (s: LocalStore) => ({ events: await s.db.events.toArray(), outbox: await s.db.pending.toArray(), progress: await s.db.progress.toArray() });
    const before = await snapshot(b);
    expect(await importProgress(text, b)).toEqual({ ok: true, added: 0, known: 5 });
    expect(await snapshot(b)).toEqual(before);
    const onA = await snapshot(a);
    expect(await importProgress(text, a)).toEqual({ ok: true, added: 0, known: 5 });
    expect(await snapshot(a)).toEqual(onA);
  });

  it('stores an event listed twice in the file once', async () => {
    const file = JSON.parse((await studyOnA()).text);
    file.events.push(file.events[0]);
    expect(await importProgress(JSON.stringify(file), b)).toEqual({ ok: true, added: 5, known: 0 });
    expect(await b.db.events.count()).toBe(5);
  });

  it("refuses a damaged, foreign, newer or invalid file, or another trainee's, and stores nothing", async () => {
    const { text } = await studyOnA();
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
      [JSON.stringify({ ...file, deviceId: 'not-a-device-id' }), 'damaged'],
    ];
    for (const [input, code] of cases) {
      const result = await importProgress(input, b);
      expect(result, input.slice(0, 40)).toEqual({ ok: false, error: { code, i18nKey: `me:transfer.errors.${code}` } });
    }
    await setMeta(b.db, 'trainee', { id: 'tr-2', name: 'Người khác', unit: 'Đơn vị khác' });
    expect(await importProgress(text, b)).toMatchObject({ ok: false, error: { code: 'other_trainee' } });
    for (const table of [b.db.events, b.db.pending, b.db.held, b.db.progress]) expect(await table.count()).toBe(0);
  });

  it('takes a file made before enrolment, whoever this phone is enrolled for', async () => {
    await a.outbox.record({ type: 'section_read', lessonId: 'intro', payload: { sectionId: 's-1' } });
    const text = JSON.stringify(await exportProgress('1.2.3', a));
    await setMeta(b.db, 'trainee', trainee);
    expect(await importProgress(text, b)).toEqual({ ok: true, added: 1, known: 0 });
  });

  it('stores nothing when the phone cannot store it all', async () => {
    const { text } = await studyOnA();
    refuseWrites('progress', quotaExceeded);
    expect(await importProgress(text, b)).toMatchObject({ ok: false, error: { code: 'storage' } });
    for (const table of [b.db.events, b.db.pending, b.db.held]) expect(await table.count()).toBe(0);
  });
});
