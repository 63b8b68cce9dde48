import { type Kysely, type Migration, sql } from 'kysely';
import { isSqlite } from './dialect.ts';

/**
 * The bytes of event payloads each trainee has stored, kept beside the row every sync locks, so
 * the storage budget is checked without summing a trainee's events on every push.
 */
export const storedBytesMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('trainees').addColumn('stored_bytes', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
    const bytes = isSqlite(db) ? sql`length(cast(payload as blob))` : sql`octet_length(payload)`;
    await sql`update trainees set stored_bytes = (select coalesce(sum(${bytes}), 0) from events where events.trainee_id = trainees.id)`.execute(db);
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('trainees').dropColumn('stored_bytes').execute();
  },
};
