import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The module keeps its state for the page's life: each test gets a fresh copy.
const load = () => import('../../src/app/background-work.ts');

describe('background work', () => {
  beforeEach(() => {
    vi.resetModules();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  const startedFlag = (start: Promise<void>) => {
    const state = { started: false };
    void start.then(() => (state.started = true));
    return state;
  };

  it('starts after the first painted frame, the page load and a quiet period after it, by default', async () => {
    const { backgroundWorkMayStart, QUIET_MS, IDLE_LIMIT_MS } = await load();
    expect(document.readyState).toBe('complete'); // the page has loaded
    const work = startedFlag(backgroundWorkMayStart());
    await vi.advanceTimersByTimeAsync(50); // a frame, then a task
    expect(work.started).toBe(false);
    await vi.advanceTimersByTimeAsync(QUIET_MS + IDLE_LIMIT_MS);
    expect(work.started).toBe(true);
  });

  it('waits for the held screen to release it, however many frames pass', async () => {
    const { backgroundWorkMayStart, holdBackgroundWork, releaseBackgroundWork, QUIET_MS, IDLE_LIMIT_MS } = await load();
    holdBackgroundWork(5000);
    const work = startedFlag(backgroundWorkMayStart());
    await vi.advanceTimersByTimeAsync(4000);
    expect(work.started).toBe(false);
    releaseBackgroundWork();
    await vi.advanceTimersByTimeAsync(QUIET_MS - 1);
    expect(work.started).toBe(false);
    await vi.advanceTimersByTimeAsync(1 + IDLE_LIMIT_MS);
    expect(work.started).toBe(true);
  });

  it('starts anyway after the limit when the screen never says its content is shown', async () => {
    const { backgroundWorkMayStart, holdBackgroundWork, QUIET_MS, IDLE_LIMIT_MS } = await load();
    holdBackgroundWork(5000);
    const work = startedFlag(backgroundWorkMayStart());
    await vi.advanceTimersByTimeAsync(4999);
    expect(work.started).toBe(false);
    await vi.advanceTimersByTimeAsync(1 + QUIET_MS + IDLE_LIMIT_MS);
    expect(work.started).toBe(true);
  });

  it('waits for the main thread to be free of long tasks for the quiet period, up to a limit', async () => {
    let reportLongTask = () => {};
    class FakeObserver {
      static supportedEntryTypes = ['longtask'];
      constructor(callback: () => void) {
        reportLongTask = callback;
      }
      observe() {}
      disconnect() {}
    }
    vi.stubGlobal('PerformanceObserver', FakeObserver);
    try {
      const { backgroundWorkMayStart, QUIET_MS, QUIET_LIMIT_MS, IDLE_LIMIT_MS } = await load();
      const work = startedFlag(backgroundWorkMayStart());
      await vi.advanceTimersByTimeAsync(50);
      for (let elapsed = 0; elapsed < QUIET_LIMIT_MS - QUIET_MS; elapsed += QUIET_MS - 100) {
        await vi.advanceTimersByTimeAsync(QUIET_MS - 100);
        reportLongTask();
        expect(work.started).toBe(false);
      }
      await vi.advanceTimersByTimeAsync(QUIET_MS + IDLE_LIMIT_MS);
      expect(work.started).toBe(true);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('starts at once when the trainee goes to another screen', async () => {
    const { backgroundWorkMayStart, holdBackgroundWork, startBackgroundWorkNow } = await load();
    holdBackgroundWork(5000);
    const work = startedFlag(backgroundWorkMayStart());
    await vi.advanceTimersByTimeAsync(10);
    expect(work.started).toBe(false);
    startBackgroundWorkNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(work.started).toBe(true);
  });
});
