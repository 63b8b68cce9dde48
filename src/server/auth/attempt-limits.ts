import type { AttemptCounterRepository } from '../repositories/attempt-counters.ts';

/** At most `max` counted attempts in each window of `windowMs`. */
export interface AttemptRule {
  max: number;
  windowMs: number;
}

export interface AttemptLimitOptions {
  /** Enrolment attempts from one address, and from everyone (a guessed code is a device for the guesser). */
  enrol: { perAddress: AttemptRule; global: AttemptRule };
  /** Failed authentications (unknown or revoked tokens) from one address, and from everyone. */
  auth: { perAddress: AttemptRule; global: AttemptRule };
}

const TEN_MINUTES = 10 * 60 * 1000;

/**
 * Guessing a code meets 429 within a dozen tries from one address, while a classroom behind one
 * address enrols: a successful enrolment gives its attempt back. The global limits only trip
 * under a guessing campaign from many addresses.
 */
export const DEFAULT_ATTEMPT_LIMITS: AttemptLimitOptions = {
  enrol: { perAddress: { max: 12, windowMs: TEN_MINUTES }, global: { max: 300, windowMs: TEN_MINUTES } },
  auth: { perAddress: { max: 30, windowMs: TEN_MINUTES }, global: { max: 5000, windowMs: TEN_MINUTES } },
};

/** Limits per kind of attempt: the device API's (AttemptLimitOptions) or the office's sign-in. */
export type AttemptRules<K extends string> = Record<K, { perAddress: AttemptRule; global: AttemptRule }>;

const MAX_BLOCKED = 10_000;

/**
 * Fixed-window counters in the database, so several server processes share one count; each
 * process also remembers the addresses it has seen go over, so a blocked address costs it no
 * query. A window's counters are forgotten once it ends.
 */
export class AttemptLimits<Kind extends string = keyof AttemptLimitOptions> {
  private readonly blocked = new Map<string, number>();
  private readonly longestWindow: number;
  private lastForgot = 0;

  constructor(
    private readonly counters: AttemptCounterRepository,
    private readonly options: AttemptRules<Kind>,
    private readonly now: () => number,
  ) {
    this.longestWindow = Math.max(...Object.values<AttemptRules<Kind>[Kind]>(options).flatMap((k) => [k.perAddress.windowMs, k.global.windowMs]));
  }

  /** Seconds this address must wait before its next attempt of this kind; 0 when it may go on. */
  waitFor(kind: Kind, address: string): number {
    const until = this.blocked.get(`${kind}:${address}`);
    if (until === undefined) return 0;
    if (until > this.now()) return Math.ceil((until - this.now()) / 1000);
    this.blocked.delete(`${kind}:${address}`);
    return 0;
  }

  /**
   * Counts one attempt from the address (and from everyone); returns seconds to wait when that
   * went over a limit, else 0. An enrolment takes its attempt before the code is checked, so
   * parallel guesses cannot slip past the count.
   */
  async count(kind: Kind, address: string): Promise<number> {
    const { perAddress, global } = this.options[kind];
    const [own, all] = await Promise.all([this.bump(`${kind}:${address}`, perAddress), this.bump(`${kind}:*`, global)]);
    if (own.count <= perAddress.max && all.count <= global.max) return 0;
    // Only the address is remembered as blocked: a blocked "everyone" would shut out valid tokens.
    const until = own.count > perAddress.max ? own.windowEnd : all.windowEnd;
    if (own.count > perAddress.max) this.remember(`${kind}:${address}`, until);
    return Math.max(1, Math.ceil((until - this.now()) / 1000));
  }

  /** Gives back an attempt that succeeded: a good code or token is no guess. */
  async refund(kind: Kind, address: string): Promise<void> {
    const { perAddress, global } = this.options[kind];
    await Promise.all([
      this.counters.decrement(`${kind}:${address}`, this.windowStart(perAddress)),
      this.counters.decrement(`${kind}:*`, this.windowStart(global)),
    ]);
  }

  private async bump(key: string, rule: AttemptRule) {
    const now = this.now();
    // A counter that started a whole longest window ago has ended, whatever its rule.
    if (now - this.lastForgot > 60_000) {
      this.lastForgot = now;
      // Only this instance's kinds: another (the office's sign-in limits) may keep longer windows.
      await this.counters.forgetBefore(now - this.longestWindow, Object.keys(this.options));
    }
    const start = this.windowStart(rule);
    return { count: await this.counters.increment(key, start), windowEnd: start + rule.windowMs };
  }

  private windowStart(rule: AttemptRule): number {
    return Math.floor(this.now() / rule.windowMs) * rule.windowMs;
  }

  private remember(key: string, until: number) {
    if (this.blocked.size >= MAX_BLOCKED) {
      const now = this.now();
      for (const [k, t] of this.blocked) if (t <= now) this.blocked.delete(k);
    }
    this.blocked.set(key, until);
  }
}
