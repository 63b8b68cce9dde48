import type { Kysely, Migration } from 'kysely';

/**
 * Fixed-window counters of failed enrolments and authentications, per client address and for
 * everyone. In the database, not in memory, so every server process over it shares one count.
 */
export const attemptCountersMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('attempt_counters')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('window_start', 'bigint', (c) => c.notNull())
      .addColumn('count', 'integer', (c) => c.notNull())
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('attempt_counters').execute();
  },
};
