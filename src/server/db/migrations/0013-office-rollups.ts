import type { Kysely, Migration } from 'kysely';
import { isSqlite } from './dialect.ts';

/**
 * The dashboard's rollups: per trainee and lesson, per trainee and question (the first answer),
 * and per trainee, kept in the same transaction as the events they summarise, so a dashboard
 * request reads rows that grow with trainees, never with events.
 *
 * Building them for events already stored needs the course (a renamed lesson's events count
 * under its current id), which a migration does not have: this one marks the work pending in
 * office_state, and the server does it at start, before it listens (services/rollup-service.ts).
 */
export const officeRollupsMigration: Migration = {
  async up(db: Kysely<any>) {
    const real = isSqlite(db) ? 'real' : 'double precision';
    await db.schema
      .createTable('lesson_rollups')
      .addColumn('trainee_id', 'text', (c) => c.notNull().references('trainees.id'))
      .addColumn('lesson_id', 'text', (c) => c.notNull())
      .addColumn('sections', 'text', (c) => c.notNull())
      .addColumn('sections_read', 'integer', (c) => c.notNull())
      .addColumn('completed', 'integer', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('best_score', real)
      .addColumn('passed', 'integer', (c) => c.notNull())
      .addColumn('note_at', 'text')
      .addColumn('note_device', 'text')
      .addColumn('note_event', 'text')
      .addColumn('has_note', 'integer', (c) => c.notNull())
      .addColumn('last_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('lesson_rollups_pk', ['trainee_id', 'lesson_id'])
      .execute();
    await db.schema
      .createTable('question_rollups')
      .addColumn('trainee_id', 'text', (c) => c.notNull().references('trainees.id'))
      .addColumn('lesson_id', 'text', (c) => c.notNull())
      .addColumn('question_id', 'text', (c) => c.notNull())
      .addColumn('first_at', 'text', (c) => c.notNull())
      .addColumn('first_event', 'text', (c) => c.notNull())
      .addColumn('first_options', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('question_rollups_pk', ['trainee_id', 'lesson_id', 'question_id'])
      .execute();
    // Covering indexes in the order the funnel and the difficult questions group by: those views
    // read every row of their table (trainees × lessons, trainees × questions), and the index
    // spares them a sort.
    await db.schema.createIndex('lesson_rollups_funnel').on('lesson_rollups').columns(['lesson_id', 'sections_read', 'passed', 'trainee_id']).execute();
    await db.schema.createIndex('question_rollups_answers').on('question_rollups').columns(['lesson_id', 'question_id', 'first_options', 'trainee_id']).execute();
    await db.schema
      .createTable('trainee_rollups')
      .addColumn('trainee_id', 'text', (c) => c.primaryKey().references('trainees.id'))
      .addColumn('lessons_completed', 'integer', (c) => c.notNull())
      .addColumn('score_sum', real, (c) => c.notNull())
      .addColumn('scored', 'integer', (c) => c.notNull())
      .addColumn('final_passed', 'integer', (c) => c.notNull())
      .addColumn('course_completed', 'integer', (c) => c.notNull())
      .addColumn('notes', 'integer', (c) => c.notNull())
      .addColumn('last_activity_at', 'text')
      .execute();
    await db.schema
      .createTable('office_state')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('pending', 'integer', (c) => c.notNull())
      .execute();
    await db.insertInto('office_state').values({ name: 'rollups', pending: 1 }).execute();
  },
  async down(db: Kysely<any>) {
    for (const table of ['office_state', 'trainee_rollups', 'question_rollups', 'lesson_rollups']) await db.schema.dropTable(table).execute();
  },
};
