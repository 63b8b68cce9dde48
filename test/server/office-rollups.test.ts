import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoriesOf } from '../../src/server/repositories/repositories.ts';
import { rebuildRollups } from '../../src/server/services/rollup-service.ts';
import { formatHlc } from '../../src/shared/hlc.ts';
import type { TraineeDetail } from '../../src/shared/office-api.ts';
import { type SignedIn, signedInOfficer } from './office-client.ts';
import { enrolAnotherDevice, enrolDevice, event, sectionReads } from './sync-client.ts';
import { renamedCatalogue, testCatalogue } from './test-catalogue.ts';
import { startServerBeside, startTestServer, testDatabases, type TestServer } from './test-server.ts';

/** Every rollup row, in a fixed order: what "the same rollups" compares. */
async function rollupTables(server: TestServer) {
  const db = server.database.db;
  return {
    lessons: await db.selectFrom('lesson_rollups').selectAll().orderBy('trainee_id').orderBy('lesson_id').execute(),
    questions: await db.selectFrom('question_rollups').selectAll().orderBy('trainee_id').orderBy('lesson_id').orderBy('question_id').execute(),
    trainees: (await db.selectFrom('trainee_rollups').selectAll().orderBy('trainee_id').execute()).map((r) => ({ ...r, score_sum: Number(r.score_sum), lessons_completed: Number(r.lessons_completed), scored: Number(r.scored), notes: Number(r.notes) })),
  };
}

describe.each(testDatabases)('the dashboard rollups on $name', (database) => {
  let server: TestServer;
  let officer: SignedIn;
  beforeAll(async () => {
    server = await startTestServer(database);
    officer = await signedInOfficer(server);
  });
  afterAll(() => server.close());
  const detail = async (id: string) => (await officer.call('GET', `/trainees/${id}`)).body as TraineeDetail;

  it('follow each sync: sections read, completion, attempts and best score, under the lesson', async () => {
    const phone = await enrolDevice(server);
    await phone.sync({ events: [...sectionReads(phone, 2), event(phone, 'quiz_answered', { answers: { 'q-goal': ['a'], 'q-law': ['a'] }, score: 0.5, passed: false })] });
    expect((await detail(phone.trainee.id)).lessons).toEqual([
      expect.objectContaining({ lessonId: 'digital-government', sectionsRead: 2, sectionsTotal: 3, completed: false, attempts: 1, bestScore: 0.5, passed: false }),
    ]);
    await phone.sync({
      events: [
        ...sectionReads(phone, 3),
        event(phone, 'quiz_answered', { answers: { 'q-goal': ['b'], 'q-law': ['a'] }, score: 1, passed: true }),
        event(phone, 'lesson_completed', {}),
        event(phone, 'bookmark_set', { sectionId: 'intro' }, { lessonId: 'data-sharing' }),
      ],
    });
    const after = await detail(phone.trainee.id);
    expect(after.lessons).toEqual([
      expect.objectContaining({ lessonId: 'digital-government', sectionsRead: 3, completed: true, attempts: 2, bestScore: 1, passed: true }),
      expect.objectContaining({ lessonId: 'data-sharing', sectionsRead: 0, completed: false, attempts: 0, bestScore: null }),
    ]);
    expect(after.trainee.lessonsCompleted).toBe(1);
  });

  it('count a resent batch once', async () => {
    const phone = await enrolDevice(server);
    const batch = [event(phone, 'quiz_answered', { answers: { 'q-goal': ['b'] }, score: 1, passed: true })];
    await phone.sync({ events: batch });
    await phone.sync({ events: batch });
    expect((await detail(phone.trainee.id)).lessons[0]).toMatchObject({ attempts: 1 });
  });

  it('keep the earliest attempt as the first answer, even when another device syncs it later', async () => {
    const phone = await enrolDevice(server);
    const laptop = await enrolAnotherDevice(server, phone.trainee);
    const early = event(laptop, 'quiz_answered', { answers: { 'q-goal': ['c'] }, score: 0, passed: false }, { at: formatHlc(Date.now() - 3_600_000, 0) });
    await phone.sync({ events: [event(phone, 'quiz_answered', { answers: { 'q-goal': ['b'] }, score: 1, passed: true })] });
    await laptop.sync({ events: [early] });
    const firsts = await repositoriesOf(server.database).rollups.firstAnswers(phone.trainee.id, ['digital-government']);
    expect(firsts).toEqual([{ lessonId: 'digital-government', questionId: 'q-goal', at: early.at, eventId: early.id, options: ['c'] }]);
  });

  it('leave flagged events out: an unknown section or lesson counts for nothing', async () => {
    const phone = await enrolDevice(server);
    await phone.sync({ events: [event(phone, 'section_read', { sectionId: 'not-in-the-course' }), event(phone, 'lesson_completed', {}, { lessonId: 'removed-lesson' })] });
    expect((await detail(phone.trainee.id)).lessons).toEqual([]);
    expect((await rollupTables(server)).lessons.filter((r) => r.trainee_id === phone.trainee.id)).toEqual([]);
  });

  it('count notes, and never keep their text', async () => {
    const phone = await enrolDevice(server);
    const secret = 'Ghi chú riêng: không ai được đọc';
    await phone.sync({
      events: [
        event(phone, 'note_saved', { text: secret }),
        event(phone, 'note_saved', { text: 'Một ghi chú khác' }, { lessonId: 'data-sharing' }),
        event(phone, 'note_saved', { text: '' }, { lessonId: 'data-sharing' }),
      ],
    });
    const page = await officer.call('GET', `/trainees/${phone.trainee.id}`);
    expect(page.body.notes).toBe(1);
    expect(page.text).not.toContain('Ghi chú');
    expect(JSON.stringify(await rollupTables(server))).not.toContain('Ghi chú');
  });

  it('stay right under concurrent syncs of one trainee from two devices', async () => {
    const phone = await enrolDevice(server);
    const laptop = await enrolAnotherDevice(server, phone.trainee);
    const quiz = (d: { deviceId: string }, i: number) => event(d, 'quiz_answered', { answers: { 'q-law': [i % 2 ? 'a' : 'b'] }, score: i / 10, passed: i >= 7 });
    await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 ? laptop : phone).sync({ events: [quiz(i % 2 ? laptop : phone, i)] })));
    expect((await detail(phone.trainee.id)).lessons[0]).toMatchObject({ attempts: 10, bestScore: 0.9, passed: true });
  });

  it('are rebuilt from the stored events to the same rows, at start after the migration and by the admin command', async () => {
    const built = await rollupTables(server);
    expect(built.lessons.length).toBeGreaterThan(0);
    const repositories = repositoriesOf(server.database);
    await rebuildRollups(repositories, testCatalogue);
    expect(await rollupTables(server)).toEqual(built);

    // As migration 0013 leaves an existing database: events, no rollups, the build pending.
    await server.database.db.deleteFrom('lesson_rollups').execute();
    await server.database.db.deleteFrom('question_rollups').execute();
    await server.database.db.deleteFrom('trainee_rollups').execute();
    await server.database.db.updateTable('office_state').set({ pending: 1 }).execute();
    const restarted = await startServerBeside(server);
    try {
      expect(await rollupTables(restarted)).toEqual(built);
      expect(await repositories.rollups.pending('rollups')).toBe(false);
    } finally {
      await restarted.close();
    }
  });
});

describe.each(testDatabases)('rollups of a renamed course on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database, { catalogue: renamedCatalogue });
  });
  afterAll(() => server.close());

  it('fold events sent under former lesson and section ids into the current ones', async () => {
    const phone = await enrolDevice(server);
    await phone.sync({
      events: [
        event(phone, 'section_read', { sectionId: 'intro' }, { lessonId: 'data-sharing' }),
        event(phone, 'section_read', { sectionId: 'basics' }, { lessonId: 'sharing-data' }),
        event(phone, 'section_read', { sectionId: 'what-is-it' }),
      ],
    });
    const rows = await repositoriesOf(server.database).rollups.lessonRows(phone.trainee.id);
    expect(rows.map((r) => [r.lessonId, r.sections]).sort()).toEqual([
      ['digital-government', ['overview']],
      ['sharing-data', ['basics']],
    ]);
  });
});
