import type { Kysely } from 'kysely';
import type { Tables } from '../db/tables.ts';

/** SQL over the fixed-window attempt counters (failed enrolments and authentications). */
export class AttemptCounterRepository {
  constructor(private readonly db: Kysely<Tables>) {}

  /** Adds one to `key`'s count in the window starting at `windowStart` (a new window starts at 1); returns the count. */
  async increment(key: string, windowStart: number): Promise<number> {
    const row = await this.db
      .insertInto('attempt_counters')
      .values({ key, window_start: windowStart, count: 1 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({
          count: eb
            .case()
            .when('attempt_counters.window_start', '=', eb.ref('excluded.window_start'))
            .then(eb('attempt_counters.count', '+', 1))
            .else(1)
            .end(),
          window_start: eb.ref('excluded.window_start'),
        })),
      )
      .returning('count')
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** Takes one back from `key`'s count, if that window is still the current one. */
  async decrement(key: string, windowStart: number): Promise<void> {
    await this.db
      .updateTable('attempt_counters')
      .set((eb) => ({ count: eb('count', '-', 1) }))
      .where('key', '=', key)
      .where('window_start', '=', windowStart)
      .where('count', '>', 0)
      .execute();
  }

  /** Forgets counters of windows that have ended; only those of these kinds ("enrol:…") when given. */
  async forgetBefore(windowStart: number, kinds?: readonly string[]): Promise<void> {
    await this.db
      .deleteFrom('attempt_counters')
      .where('window_start', '<', windowStart)
      .$if(kinds !== undefined, (q) => q.where((eb) => eb.or(kinds!.map((kind) => eb('key', 'like', `${kind}:%`)))))
      .execute();
  }
}
