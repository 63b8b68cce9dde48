import type { Kysely, Migration } from 'kysely';

/**
 * Per-event outcomes. `flag` says why the course had no place for an event (an unknown lesson,
 * section, question or option): it is stored and synced to the trainee's other devices, but left
 * out of progress reports. `original_at` keeps the phone's own stamp when it ran more than a
 * day ahead of the server and `at` holds the clamped one; a resend is compared with the original.
 */
export const eventOutcomesMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('events').addColumn('flag', 'text').execute();
    await db.schema.alterTable('events').addColumn('original_at', 'text').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('events').dropColumn('original_at').execute();
    await db.schema.alterTable('events').dropColumn('flag').execute();
  },
};
