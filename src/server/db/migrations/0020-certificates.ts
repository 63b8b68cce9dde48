import type { Kysely, Migration } from 'kysely';

/**
 * Issued completion records. The unique (trainee_id, course_id) is what makes issuance happen
 * once: two devices completing the course in concurrent syncs may both sign a record, and the
 * database keeps exactly one. `jws` is the record as signed, handed out unchanged every time;
 * name, unit, date, version and key are copied out of it for the office's lists.
 */
export const certificatesMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('certificates')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('trainee_id', 'text', (c) => c.notNull().references('trainees.id'))
      .addColumn('course_id', 'text', (c) => c.notNull())
      .addColumn('trainee_name', 'text', (c) => c.notNull())
      .addColumn('trainee_unit', 'text', (c) => c.notNull())
      .addColumn('content_version', 'text', (c) => c.notNull())
      .addColumn('completed_on', 'text', (c) => c.notNull())
      .addColumn('kid', 'text', (c) => c.notNull())
      .addColumn('jws', 'text', (c) => c.notNull())
      .addColumn('issued_at', 'text', (c) => c.notNull())
      .addColumn('revoked_at', 'text')
      .addColumn('revoke_reason', 'text')
      .addUniqueConstraint('certificates_one_per_course', ['trainee_id', 'course_id'])
      .execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('certificates').execute();
  },
};
