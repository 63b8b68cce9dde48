// A page that exposes the app's real data layer (Dexie store, record(), enrol(), SyncEngine) to
// the phone-side benchmark, built with the app's Vite config and served by the real server.
import { enrol } from '../../../src/data/enrol.ts';
import { appStore, LocalStore } from '../../../src/data/local-store.ts';
import { COMPACT_EVERY } from '../../../src/data/store/compact-events.ts';
import { ensureDeviceId, LearnDb, setMeta } from '../../../src/data/store/learn-db.ts';
import { SyncEngine } from '../../../src/data/sync/engine.ts';
import type { LearnerEvent } from '../../../src/shared/events.ts';
import { formatHlc } from '../../../src/shared/hlc.ts';
import { foldEvents } from '../../../src/shared/merge-progress.ts';

interface BenchLesson {
  id: string;
  sections: string[];
  questions: Array<{ id: string; options: string[] }>;
}

/** The database a year-of-study phone's bare adds go to: its events, and nothing else. */
const BARE_YEAR = 'bench-bare-year';

const sectionRead = (lessonId: string, sectionId: string) => ({ type: 'section_read' as const, lessonId, payload: { sectionId } });

const phoneBench = {
  /** Milliseconds for each of n record() calls, and for n bare Dexie adds of the same shape. */
  async recordTimes(n: number, lessonId: string, sections: string[]) {
    const store = new LocalStore(`bench-record-${Date.now()}`);
    const bare = new LearnDb(`bench-bare-${Date.now()}`);
    const recordMs: number[] = [];
    const bareMs: number[] = [];
    for (let i = 0; i < n; i++) {
      let t = performance.now();
      const event = await store.outbox.record(sectionRead(lessonId, sections[i % sections.length]!));
      recordMs.push(performance.now() - t);
      t = performance.now();
      await bare.events.add({ ...event, id: crypto.randomUUID() });
      bareMs.push(performance.now() - t);
    }
    return { recordMs, bareMs };
  },

  /** Queues n events offline-style (not enrolled yet), enrols, then syncs until none wait. */
  async syncQueued(n: number, lessonId: string, sections: string[], code: string) {
    const store = new LocalStore(`bench-sync-${Date.now()}`);
    const { db } = store;
    for (let i = 0; i < n; i++) await store.outbox.record(sectionRead(lessonId, sections[i % sections.length]!));
    const enrolled = await enrol(code, { store });
    if (!enrolled.ok) throw new Error(`enrol failed: ${enrolled.error.code}`);
    // The time spent in HTTP round trips (request out, reply read), to tell the network and the
    // server apart from the phone's own work (reading the outbox, deleting acknowledged rows).
    let httpMs = 0;
    let rounds = 0;
    const timedFetch: typeof fetch = async (input, init) => {
      const t = performance.now();
      const response = await fetch(input, init);
      const body = await response.arrayBuffer();
      httpMs += performance.now() - t;
      rounds++;
      return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
    };
    const engine = new SyncEngine({ store, fetch: timedFetch });
    // Read before the sync: after it, compaction (store/compact-events.ts) starts forgetting events.
    const jsonBytes = JSON.stringify(await db.events.toArray()).length;
    const start = performance.now();
    while ((await db.pending.count()) > 0) {
      const run = await engine.syncNow();
      if (run.kind !== 'synced' && run.kind !== 'busy') throw new Error(`sync failed: ${JSON.stringify(run)}`);
    }
    return { ms: performance.now() - start, httpMs, rounds, jsonBytes };
  },

  /**
   * A year of study already on the phone, in the app's own store: `n` events over the past year
   * (a third from another device), held by the server
   * as far as the phone knows, with their progress rows. Enrols with `code` first.
   */
  async seedYear(n: number, lessons: BenchLesson[], code: string) {
    const enrolled = await enrol(code);
    if (!enrolled.ok) throw new Error(`enrol failed: ${enrolled.error.code}`);
    const { db } = appStore();
    const own = await ensureDeviceId(db);
    const other = crypto.randomUUID();
    const start = Date.now() - 365 * 24 * 3600 * 1000;
    const events: LearnerEvent[] = [];
    for (let i = 0; i < n; i++) {
      const kind = i % 100;
      // Quiz attempts take the lessons in turn on their own count: by the event's index alone,
      // every hundredth event would fall in the same lesson of ten.
      const lesson = lessons[(kind === 0 ? i / 100 : i) % lessons.length]!;
      const base = { id: crypto.randomUUID(), deviceId: i % 3 === 0 ? other : own, lessonId: lesson.id, at: formatHlc(start + i * 600, 0) };
      const section = lesson.sections[i % lesson.sections.length]!;
      // Mostly reading (each visit records its sections again), then bookmarks and notes; one
      // event in a hundred is a quiz attempt: some 500 attempts in 50,000 events, 50 per lesson.
      if (kind === 0) {
        const answers = Object.fromEntries(lesson.questions.map((q) => [q.id, [q.options[i % q.options.length]!]]));
        events.push({ ...base, type: 'quiz_answered', payload: { answers, score: (i % 5) / 4, passed: i % 5 === 4 } });
      } else if (kind < 60) events.push({ ...base, type: 'section_read', payload: { sectionId: section } });
      else if (kind < 80) events.push({ ...base, type: i % 4 ? 'bookmark_set' : 'bookmark_cleared', payload: { sectionId: section } });
      else events.push({ ...base, type: 'note_saved', payload: { text: `Ghi chú ${i}: Chính phủ số cần dữ liệu dùng chung.` } });
    }
    // A phone that synced all year gained its events a few at a time and compacted them every
    // COMPACT_EVERY (store/compact-events.ts). Seeded that way, not all at once and then 49,000
    // deleted in one go: the rounds measure that phone, not one whose storage is still digesting
    // a mass deletion.
    for (let i = 0; i < events.length; i += COMPACT_EVERY) {
      const upTo = events.slice(0, i + COMPACT_EVERY);
      await db.events.bulkAdd(events.slice(i, i + COMPACT_EVERY));
      await db.progress.bulkPut(Object.values(foldEvents(upTo)));
      await setMeta(db, 'hlc', upTo.at(-1)!.at);
      await appStore().compact();
    }
    // The events it kept in a second database, the reference for a bare add into a store this
    // big. A copy of all 50,000 would have kept the origin's one LevelDB at their size (every
    // database of an origin shares it), which the app's store no longer is.
    const kept = await db.events.toArray();
    const bare = new LearnDb(BARE_YEAR);
    for (let i = 0; i < kept.length; i += 5000) await bare.events.bulkAdd(kept.slice(i, i + 5000));
    bare.close();
  },

  /** Milliseconds of `n` record() calls in the app's own store and of `n` bare adds into a copy of its events, taking turns. */
  async recordAndBareTimes(n: number, lesson: BenchLesson) {
    const { outbox } = appStore();
    const bare = new LearnDb(BARE_YEAR);
    const record: number[] = [];
    const bareAdd: number[] = [];
    for (let i = 0; i < n; i++) {
      let t = performance.now();
      const event = await outbox.record(sectionRead(lesson.id, lesson.sections[i % lesson.sections.length]!));
      record.push(performance.now() - t);
      t = performance.now();
      await bare.events.add({ ...event, id: crypto.randomUUID() });
      bareAdd.push(performance.now() - t);
    }
    bare.close();
    return { record, bare: bareAdd };
  },

  /** Records `n` events, then times one sync of them from the app's own store (ms). */
  async syncNew(n: number, lesson: BenchLesson) {
    const store = appStore();
    for (let i = 0; i < n; i++) await store.outbox.record(sectionRead(lesson.id, lesson.sections[i % lesson.sections.length]!));
    const start = performance.now();
    const run = await new SyncEngine({ store }).syncNow();
    if (run.kind !== 'synced') throw new Error(`sync failed: ${JSON.stringify(run)}`);
    return performance.now() - start;
  },
};

(window as unknown as { phoneBench: typeof phoneBench }).phoneBench = phoneBench;
