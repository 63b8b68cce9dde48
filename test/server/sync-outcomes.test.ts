import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdmin } from '../../src/server/admin/run-admin.ts';
import { repositoriesOf } from '../../src/server/repositories/repositories.ts';
import { syncResponseSchema } from '../../src/shared/sync-api.ts';
import { enrolDevice, enrolTwoDevices, event, rowCounts, sectionReads } from './sync-client.ts';
import { renamedCatalogue, testCatalogue } from './test-catalogue.ts';
import { startTestServer, testDatabases, type TestServer } from './test-server.ts';

describe.each(testDatabases)('per-event outcomes on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database, { storageBudgetBytes: 4000 });
  });
  afterAll(() => server.close());

  const flagOf = async (id: string) => (await server.database.db.selectFrom('events').select('flag').where('id', '=', id).executeTakeFirstOrThrow()).flag;
  const reportOf = async (traineeId: string) =>
    (await runAdmin(['report'], { repositories: repositoriesOf(server.database), catalogue: () => testCatalogue }))
      .split('\n\n')
      .find((block) => block.includes(traineeId))!
      .split('\n')
      .slice(1);

  it('stores events the course has no place for, flagged, acknowledges them and passes them to the other device', async () => {
    const [phone, laptop] = await enrolTwoDevices(server);
    const placed = [
      ...sectionReads(phone, 1),
      // Attempts at questions the course has since rewritten: the tests were taken, they count.
      event(phone, 'quiz_answered', { answers: { 'q-nope': ['a'] }, score: 0, passed: false }),
      event(phone, 'quiz_answered', { answers: { 'q-goal': ['a', 'z'] }, score: 0, passed: false }),
    ];
    const unplaced = [
      event(phone, 'lesson_completed', {}, { lessonId: 'no-such-lesson' }),
      event(phone, 'section_read', { sectionId: 'intro' }), // intro is another lesson's
    ];
    const reply = syncResponseSchema.parse((await phone.sync({ events: [...placed, ...unplaced] })).body);
    expect(reply.accepted).toEqual([...placed, ...unplaced].map((e) => e.id));
    expect(reply.refused).toEqual([]);
    expect(await Promise.all(unplaced.map((e) => flagOf(e.id)))).toEqual(['unknown_lesson', 'unknown_section']);
    expect(await Promise.all(placed.map((e) => flagOf(e.id)))).toEqual([null, null, null]);
    expect(syncResponseSchema.parse((await laptop.sync({})).body).events).toEqual([...placed, ...unplaced]);
  });

  it('leaves flagged events out of the report', async () => {
    const phone = await enrolDevice(server);
    await phone.sync({
      events: [
        event(phone, 'section_read', { sectionId: 'why-now' }),
        event(phone, 'section_read', { sectionId: 'platforms' }), // not in digital-government
        event(phone, 'lesson_completed', {}, { lessonId: 'old-lesson' }),
        event(phone, 'quiz_answered', { answers: { 'q-nope': ['a'] }, score: 1, passed: true }, { lessonId: 'old-lesson' }),
      ],
    });
    expect(await reportOf(phone.trainee.id)).toEqual(['  digital-government  sections 1/3  in progress  no quiz yet']);
  });

  it('acknowledges a resent event again, and refuses the same id with other content as id_conflict, keeping the stored copy', async () => {
    const phone = await enrolDevice(server);
    const note = event(phone, 'note_saved', { text: 'Bản gốc' });
    const quiz = event(phone, 'quiz_answered', { answers: { 'q-goal': ['a'], 'q-law': ['b'] }, score: 0.5, passed: false });
    await phone.sync({ events: [note, quiz] });
    const before = await rowCounts(server);
    // Key order aside, the same quiz: an acknowledgement, not a conflict.
    const sameQuiz = { ...quiz, payload: { passed: false, score: 0.5, answers: { 'q-law': ['b'], 'q-goal': ['a'] } } };
    const altered = [
      { ...note, payload: { text: 'Bản sửa' } },
      { ...note, type: 'lesson_completed', payload: {} },
      { ...note, lessonId: 'data-sharing' },
      { ...note, at: event(phone, 'note_saved', { text: '' }).at },
    ];
    const reply = syncResponseSchema.parse((await phone.sync({ events: [note, sameQuiz] })).body);
    expect(reply.accepted).toEqual([note.id, quiz.id]);
    expect(reply.refused).toEqual([]);
    const changed = syncResponseSchema.parse((await phone.sync({ events: [sectionReads(phone, 1)[0]!, altered[0]] })).body);
    expect(changed.refused).toEqual([{ id: note.id, index: 1, code: 'id_conflict', message: expect.any(String) }]);
    for (const copy of altered.slice(1)) {
      expect(syncResponseSchema.parse((await phone.sync({ events: [copy] })).body).refused.map((r) => r.code)).toEqual(['id_conflict']);
    }
    expect((await rowCounts(server)).events).toBe(before.events + 1);
    expect((await repositoriesOf(server.database).events.eventsOf(phone.trainee.id)).slice(0, 2)).toEqual([note, quiz]);
  });

  it("acknowledges the trainee's event sent again by another of their devices (a progress file moved it)", async () => {
    const [oldPhone, newPhone] = await enrolTwoDevices(server);
    const note = event(oldPhone, 'note_saved', { text: 'Viết trên máy cũ' });
    // The new phone brought it over in a progress file and sent it first, as its own.
    expect(syncResponseSchema.parse((await newPhone.sync({ events: [{ ...note, deviceId: newPhone.deviceId }] })).body).accepted).toEqual([note.id]);
    const before = await rowCounts(server);
    const reply = syncResponseSchema.parse((await oldPhone.sync({ events: [note] })).body);
    expect(reply.accepted).toEqual([note.id]);
    expect(reply.refused).toEqual([]);
    expect((await rowCounts(server)).events).toBe(before.events);
  });

  it('refuses both copies of an id sent twice in one batch with different content, and stores nothing for it', async () => {
    const phone = await enrolDevice(server);
    const first = event(phone, 'note_saved', { text: 'một' });
    const second = { ...first, payload: { text: 'hai' } };
    const other = sectionReads(phone, 1)[0]!;
    const before = await rowCounts(server);
    const reply = syncResponseSchema.parse((await phone.sync({ events: [first, other, second] })).body);
    expect(reply.accepted).toEqual([other.id]);
    expect(reply.refused.map((r) => [r.index, r.code, r.id])).toEqual([[0, 'id_conflict', first.id], [2, 'id_conflict', first.id]]);
    expect((await rowCounts(server)).events).toBe(before.events + 1);
  });

  it("refuses events past the trainee's storage budget as budget_exceeded, storing the rest", async () => {
    const phone = await enrolDevice(server);
    const note = (n: number) => event(phone, 'note_saved', { text: 'ư'.repeat(n) }); // 2 bytes a letter
    const fits = [note(900), note(900)]; // about 1,800 bytes each against a budget of 4,000
    const tooMuch = note(900);
    const small = sectionReads(phone, 1)[0]!;
    const before = await rowCounts(server);
    const reply = syncResponseSchema.parse((await phone.sync({ events: [...fits, tooMuch, small] })).body);
    expect(reply.accepted).toEqual([...fits, small].map((e) => e.id));
    expect(reply.refused).toEqual([{ id: tooMuch.id, index: 2, code: 'budget_exceeded', message: expect.stringContaining('4000 bytes') }]);
    expect((await rowCounts(server)).events).toBe(before.events + 3);
    // The budget is the trainee's across syncs; what is stored is still acknowledged.
    const again = syncResponseSchema.parse((await phone.sync({ events: [fits[0]!, tooMuch] })).body);
    expect(again.accepted).toEqual([fits[0]!.id]);
    expect(again.refused.map((r) => r.code)).toEqual(['budget_exceeded']);
    // Another trainee has a budget of their own.
    const other = await enrolDevice(server);
    expect(syncResponseSchema.parse((await other.sync({ events: [event(other, 'note_saved', { text: 'ư'.repeat(900) })] })).body).refused).toEqual([]);
  });

  it("says the server's time in every reply", async () => {
    const phone = await enrolDevice(server);
    const before = Date.now();
    const reply = syncResponseSchema.parse((await phone.sync({})).body);
    expect(reply.serverTime).toBeGreaterThanOrEqual(before);
    expect(reply.serverTime).toBeLessThanOrEqual(Date.now());
  });
});

describe.each(testDatabases)('a course update that renamed a lesson and sections, on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database, { catalogue: renamedCatalogue });
  });
  afterAll(() => server.close());

  it('places events recorded against former ids and reports them under the new ones, in course order', async () => {
    const phone = await enrolDevice(server);
    const old = [
      event(phone, 'section_read', { sectionId: 'intro' }, { lessonId: 'data-sharing' }),
      event(phone, 'lesson_completed', {}, { lessonId: 'data-sharing' }),
      event(phone, 'section_read', { sectionId: 'what-is-it' }),
      event(phone, 'section_read', { sectionId: 'overview' }), // the same section by its new id
      event(phone, 'section_read', { sectionId: 'basics' }, { lessonId: 'sharing-data' }),
    ];
    const reply = syncResponseSchema.parse((await phone.sync({ events: old })).body);
    expect(reply.accepted).toHaveLength(old.length);
    const flags = await server.database.db.selectFrom('events').select('flag').where('trainee_id', '=', phone.trainee.id).execute();
    expect(flags.map((f) => f.flag)).toEqual(old.map(() => null));
    const report = await runAdmin(['report'], { repositories: repositoriesOf(server.database), catalogue: () => renamedCatalogue });
    expect(report.split('\n').slice(1)).toEqual([
      '  digital-government  sections 1/3  in progress  no quiz yet',
      '  sharing-data  sections 1/2  completed  no quiz yet',
    ]);
  });
});
