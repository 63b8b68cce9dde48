import { describe, expect, it } from 'vitest';
import { enrol } from '../../src/data/enrol.ts';
import type { LocalStore } from '../../src/data/local-store.ts';
import { getMeta } from '../../src/data/store/learn-db.ts';
import { SyncEngine } from '../../src/data/sync/engine.ts';
import { issueDeviceCode, issueEnrolment } from '../../src/server/services/enrolment-service.ts';
import { formatHlc, parseHlc } from '../../src/shared/hlc.ts';
import { realServer } from './real-server.ts';
import { freshStore } from './test-store.ts';

const day = 24 * 60 * 60 * 1000;
const lessonId = 'digital-government';

/*
 * What the phone does with each event's outcome, against the real server: an event the server
 * refuses is held back while the rest sync, and a phone whose clock runs days ahead neither blocks
 * nor wins last-writer-wins against newer edits. Here the server's clock runs two days behind
 * the process's, so every phone in the test starts two days ahead of it.
 */
describe('per-event outcomes on the phone', () => {
  const real = realServer({ now: () => Date.now() - 2 * day });

  const sync = (store: LocalStore) => new SyncEngine({ store, baseUrl: real.server.url }).syncNow();
  const note = (store: LocalStore, text: string) => store.outbox.record({ type: 'note_saved', lessonId, payload: { text } });
  async function twoDevices() {
    const { trainee, code } = await issueEnrolment(real.repository, { name: 'Phan Thị Hoa', unit: 'Sở TT&TT Huế', now: new Date() });
    const [phone, laptop] = [freshStore('phone'), freshStore('laptop')];
    await enrol(code, { store: phone, baseUrl: real.server.url });
    await enrol((await issueDeviceCode(real.repository, { traineeId: trainee.id, now: new Date() }))!.code, { store: laptop, baseUrl: real.server.url });
    return { trainee, phone, laptop };
  }

  it('holds back an event the server refuses, keeps it, and syncs the rest', async () => {
    const { trainee, phone } = await twoDevices();
    const kept = await phone.outbox.record({ type: 'section_read', lessonId, payload: { sectionId: 'what-is-it' } });
    // An event altered on the phone after it was made: its lesson id no longer passes the schema.
    const altered = await phone.outbox.record({ type: 'lesson_completed', lessonId, payload: {} });
    await phone.db.pending.put({ ...altered, lessonId: 'Not A Lesson' });
    const later = await note(phone, 'Ghi chú sau');

    expect(await sync(phone)).toMatchObject({ kind: 'synced', pushed: 2, held: 1 });
    expect((await real.repository.events.eventsOf(trainee.id)).map((e) => e.id).sort()).toEqual([kept.id, later.id].sort());
    expect(await phone.db.pending.count()).toBe(0);
    expect(await phone.db.held.toArray()).toEqual([
      expect.objectContaining({ id: altered.id, code: 'invalid_event', event: expect.objectContaining({ lessonId: 'Not A Lesson' }) }),
    ]);
    expect(await phone.db.events.get(altered.id)).toBeDefined(); // never deleted
    expect(await sync(phone)).toMatchObject({ kind: 'synced', pushed: 0, held: 0 }); // not sent again
  });

  it("lets a phone's edits through whatever its clock says, and lets a later edit elsewhere win", async () => {
    const { phone, laptop } = await twoDevices();
    await sync(laptop); // the laptop learns the server's time first
    // The phone has not: its note is stamped by its own clock, two days ahead of the server.
    const ahead = await note(phone, 'Viết trên điện thoại');
    expect(parseHlc(ahead.at).wall).toBeGreaterThan(Date.now() - 60_000);

    expect(await sync(phone)).toMatchObject({ kind: 'synced', pushed: 1, held: 0 });
    // The server clamped it to its own time, and the phone's copy says so.
    const clamped = (await phone.db.events.get(ahead.id))!.at;
    expect(parseHlc(clamped).wall).toBeLessThan(Date.now() - 2 * day + 60_000);
    expect(Math.abs((await getMeta(phone.db, 'clockOffset'))! + 2 * day)).toBeLessThan(60_000);

    await note(laptop, 'Sửa sau trên máy tính');
    await sync(laptop);
    await sync(phone);
    expect((await phone.db.progress.get(lessonId))?.note).toBe('Sửa sau trên máy tính');
    expect((await laptop.db.progress.get(lessonId))?.note).toBe('Sửa sau trên máy tính');

    // New stamps on the phone follow the server's time now.
    const next = await phone.outbox.record({ type: 'section_read', lessonId, payload: { sectionId: 'why-now' } });
    expect(Math.abs(parseHlc(next.at).wall - (Date.now() - 2 * day))).toBeLessThan(60_000);
    expect((await getMeta(phone.db, 'hlc'))! < formatHlc(Date.now() - day, 0)).toBe(true);
  });

  it('shifts events it stamped ahead back by the error while they are still on the phone', async () => {
    const { phone } = await twoDevices();
    const first = await note(phone, 'một');
    const second = await note(phone, 'hai');
    // The first sync pushes only `first` (batch of 1): the server clamps it and tells the time.
    expect(await new SyncEngine({ store: phone, baseUrl: real.server.url, batchSize: 1 }).syncNow()).toMatchObject({ kind: 'synced', pushed: 2 });
    const [a, b] = await phone.db.events.bulkGet([first.id, second.id]);
    expect(parseHlc(b!.at).wall).toBeLessThan(Date.now() - 2 * day + 60_000);
    expect(a!.at < b!.at).toBe(true); // the order of the two edits holds
    expect((await phone.db.progress.get(lessonId))?.note).toBe('hai');
  });
});
