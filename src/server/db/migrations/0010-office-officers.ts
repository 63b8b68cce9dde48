import type { Kysely, Migration } from 'kysely';

/**
 * The programme office's officers, their one-time setup links and their signed-in sessions.
 * Neither a link's token nor a session's cookie is stored, only its SHA-256: a copy of the
 * database signs nobody in.
 */
export const officeOfficersMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('officers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('unit', 'text')
      .addColumn('password_hash', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('disabled_at', 'text')
      .execute();
    await db.schema
      .createTable('officer_setup_links')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('officer_id', 'text', (c) => c.notNull().references('officers.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
    await db.schema
      .createTable('officer_sessions')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('officer_id', 'text', (c) => c.notNull().references('officers.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('officer_sessions_officer').on('officer_sessions').column('officer_id').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('officer_sessions').execute();
    await db.schema.dropTable('officer_setup_links').execute();
    await db.schema.dropTable('officers').execute();
  },
};
