import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setMeta } from '../../src/data/store/learn-db.ts';
import { SyncEngine } from '../../src/data/sync/engine.ts';
import type { SyncResponse } from '../../src/shared/sync-api.ts';
import { freshStore } from './test-store.ts';

/*
 * When the engine syncs, on a fake clock: a server stand-in that acknowledges every push counts
 * the requests. (What a sync does is tested against the real server in sync-engine.test.ts.)
 */

const read = (sectionId: string) => ({ type: 'section_read', lessonId: 'intro', payload: { sectionId } }) as const;

function countingServer() {
  const bodies: Array<{ events: Array<{ id: string }> }> = [];
  const fetch = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { events: Array<{ id: string }> };
    bodies.push(body);
    const reply: SyncResponse = { accepted: body.events.map((e) => e.id), refused: [], restamped: [], events: [], cursor: 0, more: false, serverTime: Date.now() };
    return Response.json(reply);
  });
  return { fetch, bodies };
}

describe('when the engine syncs', () => {
  beforeEach(() => {
    // Dexie and fake-indexeddb run on promises and setImmediate, which stay real.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => vi.useRealTimers());

  async function startedEngine(options: { pullEveryMs?: number } = {}) {
    const store = freshStore();
    await setMeta(store.db, 'token', 'token-token-token-token-token');
    const server = countingServer();
    const engine = new SyncEngine({ store, fetch: server.fetch, debounceMs: 3000, ...options });
    let finished = 0;
    store.changes.on((change) => change.kind === 'syncing' && !change.on && finished++);
    /** Waits until `n` syncs have ended, each having arranged the next one. */
    const ended = (n: number) => vi.waitFor(() => expect(finished).toBe(n));
    const stop = engine.start();
    await ended(1); // the sync at start
    expect(server.fetch).toHaveBeenCalledTimes(1);
    return { store, server, engine, stop, ended };
  }

  it('pulls every two minutes while the app is in view, with nothing to push', async () => {
    const { server, stop, ended } = await startedEngine();
    await vi.advanceTimersByTimeAsync(119_000);
    expect(server.fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_000);
    await ended(2);
    expect(server.fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(120_000);
    await ended(3);
    expect(server.fetch).toHaveBeenCalledTimes(3);
    expect(server.bodies.every((b) => b.events.length === 0)).toBe(true);
    stop();
  });

  it('sends a burst of eight taps as one request after the grouping delay', async () => {
    const { store, server, stop, ended } = await startedEngine();
    for (let i = 0; i < 8; i++) await store.outbox.add(read(`s-${i}`));
    await vi.advanceTimersByTimeAsync(2_900);
    expect(server.fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(100);
    await ended(2);
    expect(server.fetch).toHaveBeenCalledTimes(2);
    expect(server.bodies[1]!.events).toHaveLength(8);
    await vi.waitFor(async () => expect(await store.db.pending.count()).toBe(0));
    stop();
  });

  it('stops pulling once stopped', async () => {
    const { server, stop } = await startedEngine();
    stop();
    await vi.advanceTimersByTimeAsync(600_000);
    expect(server.fetch).toHaveBeenCalledTimes(1);
  });
});
