import type { Kysely, Migration } from 'kysely';

// Times are ISO-8601 UTC text on both databases: they sort as text and read the same everywhere.
export const traineesMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('trainees')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('unit', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      // Written by every sync: the admin's "last sync", and the row lock that serialises one
      // trainee's syncs (see services/sync-service.ts).
      .addColumn('last_sync_at', 'text')
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('trainees').execute();
  },
};
