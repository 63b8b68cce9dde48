import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../src/data/sync/backoff.ts';
import { classifyFailure } from '../../src/data/sync/failure.ts';
import { describeSync, type SyncSnapshot } from '../../src/data/sync/status-snapshot.ts';

const base: SyncSnapshot = { online: true, syncing: false, enrolled: true, pending: 0, oldestPendingAt: null, held: 0, lastSyncAt: null, problem: null, storageError: null, unsaved: 0 };
const quota = { code: 'quota_exceeded', i18nKey: 'sync:storage.quota_exceeded' } as const;

describe('what the sync status line says', () => {
  it('names each state', () => {
    expect(describeSync(base)).toEqual({ key: 'never' });
    expect(describeSync({ ...base, lastSyncAt: 5 })).toEqual({ key: 'synced', at: 5 });
    expect(describeSync({ ...base, lastSyncAt: 5, pending: 3 })).toEqual({ key: 'waiting', pending: 3 });
    expect(describeSync({ ...base, syncing: true, pending: 3 })).toEqual({ key: 'syncing', pending: 3 });
    expect(describeSync({ ...base, online: false, pending: 3 })).toEqual({ key: 'offline', pending: 3 });
    expect(describeSync({ ...base, enrolled: false, pending: 2 })).toEqual({ key: 'notEnrolled', pending: 2 });
  });

  it('never hides a failure behind an older success', () => {
    const failed = { ...base, lastSyncAt: 5, pending: 1 };
    expect(describeSync({ ...failed, enrolled: false, problem: { kind: 'revoked' } })).toEqual({ key: 'revoked', pending: 1 });
    expect(describeSync({ ...failed, problem: { kind: 'refused', status: 400, code: 'validation_failed', retryAt: 9 } })).toEqual({
      key: 'refused', code: 'validation_failed', pending: 1,
    });
    expect(describeSync({ ...failed, problem: { kind: 'unreachable', retryAt: 9 } })).toEqual({ key: 'retrying', retryAt: 9, pending: 1 });
    expect(describeSync({ ...failed, problem: { kind: 'rate_limited', retryAt: 9 } })).toEqual({ key: 'retrying', retryAt: 9, pending: 1 });
    expect(describeSync({ ...failed, online: false, storageError: quota, unsaved: 2 })).toEqual({ key: 'storage', error: quota, unsaved: 2 });
  });
});

describe('backoff', () => {
  const opts = (random: number) => ({ baseMs: 2000, maxMs: 180_000, random: () => random });

  it('doubles from the base and stops at the cap', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, opts(1)))).toEqual([2000, 4000, 8000, 16000]);
    expect(backoffDelay(30, opts(1))).toBe(180_000);
  });

  it('jitters between half the ceiling and the ceiling', () => {
    expect(backoffDelay(3, opts(0))).toBe(4000);
    expect(backoffDelay(3, opts(0.5))).toBe(6000);
    expect(backoffDelay(50, opts(0))).toBe(90_000);
  });
});

describe('what a failed sync means', () => {
  const backoff = { baseMs: 2000, maxMs: 180_000, random: () => 0 };
  const http = (status: number, extra: object = {}) => ({ kind: 'http' as const, status, code: `http_${status}`, ...extra });

  it('retries an unreachable or broken server on the backoff', () => {
    expect(classifyFailure({ kind: 'network' }, 1, 1000, backoff)).toEqual({ kind: 'unreachable', retryAt: 2000 });
    expect(classifyFailure({ kind: 'bad_reply' }, 2, 1000, backoff)).toEqual({ kind: 'unreachable', retryAt: 3000 });
    expect(classifyFailure(http(503), 3, 1000, backoff)).toEqual({ kind: 'unreachable', retryAt: 5000 });
  });

  it('never retries a revoked token', () => {
    expect(classifyFailure(http(401), 1, 1000, backoff)).toEqual({ kind: 'revoked' });
  });

  it('waits at least as long as a 429 asks', () => {
    expect(classifyFailure(http(429, { retryAfterMs: 30_000 }), 1, 1000, backoff)).toEqual({ kind: 'rate_limited', retryAt: 31_000 });
    expect(classifyFailure(http(429), 1, 1000, backoff)).toEqual({ kind: 'rate_limited', retryAt: 2000 });
  });

  it("keeps the server's code for another refusal, and retries it on the backoff", () => {
    expect(classifyFailure({ ...http(400), code: 'validation_failed' }, 1, 1000, backoff)).toEqual({
      kind: 'refused', status: 400, code: 'validation_failed', retryAt: 2000,
    });
  });
});
