import type { Kysely, Migration } from 'kysely';

/**
 * Which device used a code, so that device may redeem it again when the network lost the reply
 * that carried its token (the server had already used the code up).
 */
export const codeUsedByDeviceMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('enrolment_codes').addColumn('used_by_device', 'text').execute();
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('enrolment_codes').dropColumn('used_by_device').execute();
  },
};
