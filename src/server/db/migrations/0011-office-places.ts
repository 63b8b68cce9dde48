import type { Kysely, Migration } from 'kysely';
import seed from '../seeds/places.json' with { type: 'json' };

/**
 * Provinces, centrally run cities and ministries, as data: seeded once from db/seeds/places.json
 * and kept current by the office in the dashboard afterwards. Trainees get a place; those enrolled
 * before keep working with none (the office can give them one).
 */
export const officePlacesMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema
      .createTable('places')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('name_vi', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('retired_at', 'text')
      .execute();
    await db
      .insertInto('places')
      .values(seed.places.map((p, position) => ({ id: p.id, kind: p.kind, name_vi: p.vi, name_en: p.en, position, retired_at: null })))
      .execute();
    await db.schema.alterTable('trainees').addColumn('place_id', 'text', (c) => c.references('places.id')).execute();
    // The dashboard filters and groups trainees by these.
    await db.schema.createIndex('trainees_place').on('trainees').column('place_id').execute();
    await db.schema.createIndex('trainees_unit').on('trainees').column('unit').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.dropIndex('trainees_unit').execute();
    await db.schema.dropIndex('trainees_place').execute();
    await db.schema.alterTable('trainees').dropColumn('place_id').execute();
    await db.schema.dropTable('places').execute();
  },
};
