// A page that exposes the app's real data layer (Dexie store, record(), enrol(), SyncEngine) to
// the phone-side benchmark, built with the app's Vite config and served by the real server.
import { enrol } from '../../../src/data/enrol.ts';
import { LocalStore } from '../../../src/data/local-store.ts';
import { LearnDb } from '../../../src/data/store/learn-db.ts';
import { SyncEngine } from '../../../src/data/sync/engine.ts';

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
    const start = performance.now();
    while ((await db.outbox.count()) > 0) {
      const run = await engine.syncNow();
      if (run.kind !== 'synced' && run.kind !== 'busy') throw new Error(`sync failed: ${JSON.stringify(run)}`);
    }
    return { ms: performance.now() - start, httpMs, rounds, jsonBytes: JSON.stringify(await db.events.toArray()).length };
  },
};

(window as unknown as { phoneBench: typeof phoneBench }).phoneBench = phoneBench;
