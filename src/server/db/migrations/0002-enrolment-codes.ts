import type { Kysely, Migration } from 'kysely';

// Only the SHA-256 of a code is kept: a copy of the database does not let anyone enrol.
export const enrolmentCodesMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('enrolment_codes')
      .addColumn('code_hash', 'text', (c) => c.primaryKey())
      .addColumn('trainee_id', 'text', (c) => c.notNull().references('trainees.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('enrolment_codes').execute();
  },
};
