export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  random: () => number;
}

/** How long to wait before retry number `attempt` (1, 2, …): doubling, capped, with jitter. */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  // "Equal jitter": at least half the ceiling, so retries back off, and a random rest, so a
  // hundred phones that lost the same Wi-Fi do not come back in the same second.
  return Math.round(ceiling / 2 + options.random() * (ceiling / 2));
}
