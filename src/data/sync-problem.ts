/** Why a sync did not finish; persisted in meta so a reload still shows it. */
export type SyncProblem =
  /** 401: the token is unknown or revoked; the trainee must enrol again. */
  | { kind: 'revoked' }
  /**
   * Another 4xx: the server refused the batch; `code` is its API error code. Still retried on
   * the capped backoff, so a fix on the server (a lesson added to the catalogue) gets it through.
   */
  | { kind: 'refused'; status: number; code: string; retryAt: number }
  /** 429: asked to wait; retried after `retryAt`. */
  | { kind: 'rate_limited'; retryAt: number }
  /** No answer, a 5xx or an unreadable reply: retried with backoff at `retryAt`. */
  | { kind: 'unreachable'; retryAt: number };
