import type { Kysely, Migration } from 'kysely';

/** Cohorts ("annually, quarterly and monthly"): a name, dates, and trainees, who may be in several. */
export const officeCohortsMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('cohorts')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('starts_on', 'text', (c) => c.notNull())
      .addColumn('ends_on', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('cohort_members')
      .addColumn('cohort_id', 'text', (c) => c.notNull().references('cohorts.id'))
      .addColumn('trainee_id', 'text', (c) => c.notNull().references('trainees.id'))
      .addPrimaryKeyConstraint('cohort_members_pk', ['cohort_id', 'trainee_id'])
      .execute();
    await db.schema.createIndex('cohort_members_trainee').on('cohort_members').column('trainee_id').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropTable('cohort_members').execute();
    await db.schema.dropTable('cohorts').execute();
  },
};
