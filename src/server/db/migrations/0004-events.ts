import { type Kysely, type Migration, sql } from 'kysely';
import { isSqlite } from './dialect.ts';

/**
 * The learner events, keyed by the client's own id so a replay can never store a second copy.
 * `seq` is the server's order and the pull cursor. PostgreSQL numbers rows with an identity
 * column; SQLite cannot autoincrement a column that is not the primary key, so there the
 * repository assigns max(seq)+1 while it holds SQLite's single write lock.
 */
export const eventsMigration: Migration = {
  async up(db: Kysely<any>) {
    const sqlite = isSqlite(db);
    await db.schema
      .createTable('events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('seq', sqlite ? 'integer' : 'bigint', (c) =>
        sqlite ? c.notNull().unique() : c.notNull().unique().modifyEnd(sql`generated always as identity`),
      )
      .addColumn('trainee_id', 'text', (c) => c.notNull().references('trainees.id'))
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('lesson_id', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('received_at', 'text', (c) => c.notNull())
      .execute();
    // A pull reads one trainee's events after a cursor, in order.
    await db.schema.createIndex('events_trainee_seq').on('events').columns(['trainee_id', 'seq']).execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('events').execute();
  },
};
