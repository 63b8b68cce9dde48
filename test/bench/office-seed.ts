import { randomUUID } from 'node:crypto';
import type { Database } from '../../src/server/db/database.ts';
import type { Catalogue } from '../../src/shared/catalogue.ts';
import { formatHlc } from '../../src/shared/hlc.ts';
import { seededRandom } from '../../src/shared/seeded-random.ts';

const PLACES = ['ha-noi', 'hue', 'hai-phong', 'da-nang', 'ho-chi-minh-city', 'can-tho', 'lao-cai', 'nghe-an', 'gia-lai', 'an-giang', 'bo-noi-vu', 'bo-tai-chinh', 'bo-khoa-hoc-va-cong-nghe', 'bo-y-te'];
const UNITS = 60;
const COHORTS = 4;
const ROWS_PER_INSERT = 1000; // 11 columns: well under both databases' bound-parameter limits
const DAY = 24 * 60 * 60 * 1000;

/**
 * Fills an empty database with `trainees` trainees of `eventsEach` events each, straight into the
 * tables (bulk inserts, no HTTP): units, places and cohorts spread over them, and events a real
 * phone would send against the build's catalogue (sections read, quiz attempts with answers,
 * completions, bookmarks, notes) over the last 30 days. The caller builds the rollups afterwards
 * with the server's own rebuild, as migration 0013 does for an existing database.
 */
export async function seedOfficeData(database: Database, catalogue: Catalogue, trainees: number, eventsEach: number): Promise<void> {
  const db = database.db;
  const random = seededRandom(trainees * 7919 + eventsEach);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const now = Date.now();
  const created = new Date(now - 60 * DAY).toISOString();
  const ids = Array.from({ length: trainees }, (_, i) => `tr-b${String(i).padStart(7, '0')}`);
  const cohorts = Array.from({ length: COHORTS }, (_, i) => ({ id: `co-bench${i}`, name: `Khóa ${i + 1}`, starts_on: '2026-01-05', ends_on: '2026-12-31', created_at: created }));
  await db.insertInto('cohorts').values(cohorts).execute();
  for (let i = 0; i < trainees; i += ROWS_PER_INSERT) {
    const slice = ids.slice(i, i + ROWS_PER_INSERT);
    await db
      .insertInto('trainees')
      .values(slice.map((id, j) => ({ id, name: `Học viên ${i + j}`, unit: `Sở KH&CN số ${(i + j) % UNITS}`, place_id: pick(PLACES), created_at: created, revoked_at: null, last_sync_at: created })))
      .execute();
    await db.insertInto('cohort_members').values(slice.map((trainee_id, j) => ({ cohort_id: cohorts[(i + j) % COHORTS]!.id, trainee_id }))).execute();
  }
  const lessons = catalogue.lessons;
  let seq = 0;
  let rows: Array<Record<string, unknown>> = [];
  let devices: Array<{ token_hash: string; trainee_id: string; device_id: string; created_at: string; revoked_at: null; last_sync_at: string }> = [];
  // One transaction per flush: a commit per insert would make SQLite sync to disk a thousand times.
  const flush = () =>
    db.transaction().execute(async (trx) => {
      for (let i = 0; i < devices.length; i += ROWS_PER_INSERT) await trx.insertInto('devices').values(devices.slice(i, i + ROWS_PER_INSERT)).execute();
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await trx.insertInto('events').values(rows.slice(i, i + ROWS_PER_INSERT) as never).execute();
      rows = [];
      devices = [];
    });
  for (const traineeId of ids) {
    const deviceId = randomUUID();
    devices.push({ token_hash: `bench-${traineeId}`, trainee_id: traineeId, device_id: deviceId, created_at: created, revoked_at: null, last_sync_at: new Date(now - random() * 14 * DAY).toISOString() });
    const start = now - 30 * DAY;
    for (let e = 0; e < eventsEach; e++) {
      const lesson = pick(lessons);
      const roll = random();
      const at = formatHlc(Math.floor(start + (e / eventsEach) * 30 * DAY), e % 1000);
      const quiz = lesson.questions.length > 0 && (roll < 0.25 || lesson.sections.length === 0);
      const [type, payload] = quiz
        ? (() => {
            const answers = Object.fromEntries(lesson.questions.map((q) => [q.id, [pick(q.options)]]));
            const score = Math.round(random() * 100) / 100;
            return ['quiz_answered', { answers, score, passed: score >= 0.7 }] as const;
          })()
        : roll < 0.85
          ? (['section_read', { sectionId: pick(lesson.sections) }] as const)
          : roll < 0.9
            ? (['lesson_completed', {}] as const)
            : roll < 0.95
              ? (['bookmark_set', { sectionId: pick(lesson.sections) }] as const)
              : (['note_saved', { text: `Ghi chú số ${e} về bài ${lesson.id}` }] as const);
      rows.push({
        id: randomUUID(),
        ...(database.kind === 'sqlite' ? { seq: ++seq } : {}),
        trainee_id: traineeId,
        device_id: deviceId,
        type,
        lesson_id: lesson.id,
        payload: JSON.stringify(payload),
        at,
        received_at: new Date(now).toISOString(),
        flag: null,
        original_at: null,
      });
    }
    if (rows.length >= 20_000) await flush();
  }
  await flush();
}
