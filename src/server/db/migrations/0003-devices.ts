import type { Kysely, Migration } from 'kysely';

// One row per enrolled device; the bearer token itself is never stored, only its SHA-256.
export const devicesMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('devices')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('trainee_id', 'text', (c) => c.notNull().references('trainees.id'))
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('last_sync_at', 'text')
      .execute();
    await db.schema.createIndex('devices_trainee').on('devices').column('trainee_id').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('devices').execute();
  },
};
