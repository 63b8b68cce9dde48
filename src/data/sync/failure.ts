import type { ApiFailure } from './api-client.ts';
import { backoffDelay, type BackoffOptions } from './backoff.ts';

/** Why a sync did not finish; persisted in meta so a reload still shows it. */
export type SyncProblem =
  /** 401: the token is unknown or revoked; the trainee must enrol again. */
  | { kind: 'revoked' }
  /**
   * Another 4xx: the server refused the request; `code` is its API error code. Still retried on
   * the capped backoff, so a fix on the server gets it through.
   */
  | { kind: 'refused'; status: number; code: string; retryAt: number }
  /** 429: asked to wait; retried after `retryAt`. */
  | { kind: 'rate_limited'; retryAt: number }
  /** No answer, a 5xx or an unreadable reply: retried with backoff at `retryAt`. */
  | { kind: 'unreachable'; retryAt: number };

/**
 * What a failed sync means and when to try again: failure number `attempt` (1, 2, …) in a row,
 * at time `now`. A 401 is never retried (the token is gone); a 429 waits at least Retry-After.
 */
export function classifyFailure(failure: ApiFailure, attempt: number, now: number, backoff: BackoffOptions): SyncProblem {
  const wait = backoffDelay(attempt, backoff);
  if (failure.kind !== 'http' || failure.status >= 500) return { kind: 'unreachable', retryAt: now + wait };
  if (failure.status === 401) return { kind: 'revoked' };
  if (failure.status === 429) return { kind: 'rate_limited', retryAt: now + Math.max(wait, failure.retryAfterMs ?? 0) };
  return { kind: 'refused', status: failure.status, code: failure.code, retryAt: now + wait };
}
