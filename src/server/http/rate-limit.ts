import { createMiddleware } from 'hono/factory';
import { HttpError } from './http-error.ts';

export interface RateLimitOptions {
  /** Requests a client may make in a burst. */
  capacity: number;
  /** Requests added back per second, up to `capacity`. */
  refillPerSecond: number;
}

/** Generous enough for a phone paging through a long pull, tight enough to stop a loop. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { capacity: 60, refillPerSecond: 1 };

// Past this many keys, buckets that have refilled completely are forgotten: they hold no state.
const MAX_KEYS = 10_000;

/**
 * Token buckets per key, in memory. With several server processes each keeps its own buckets, so
 * a token may make that many times the burst: the limit only stops a runaway loop, and a
 * database write on every request would cost more than the loop.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly options: RateLimitOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one request from `key`'s bucket; returns 0 if allowed, else seconds to wait. */
  take(key: string): number {
    const { capacity, refillPerSecond } = this.options;
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: now };
    bucket.tokens = Math.min(capacity, bucket.tokens + ((now - bucket.at) / 1000) * refillPerSecond);
    bucket.at = now;
    if (this.buckets.size >= MAX_KEYS && !this.buckets.has(key)) this.forgetFullBuckets(now);
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerSecond));
  }

  private forgetFullBuckets(now: number) {
    const { capacity, refillPerSecond } = this.options;
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 1000) * refillPerSecond >= capacity) this.buckets.delete(key);
    }
  }
}

/** 429 rate_limited, saying when to try again. */
export function tooManyRequests(waitSeconds: number): HttpError {
  return new HttpError(429, 'rate_limited', `Too many requests: try again in ${waitSeconds} s`, undefined, {
    'Retry-After': String(waitSeconds),
  });
}

/** 429 rate_limited with Retry-After once the key's bucket is empty; no key, no limit. */
export const rateLimit = (limiter: RateLimiter, keyOf: (authorization: string | undefined) => string | undefined) =>
  createMiddleware(async (c, next) => {
    const key = keyOf(c.req.header('authorization'));
    const wait = key ? limiter.take(key) : 0;
    if (wait > 0) throw tooManyRequests(wait);
    await next();
  });
