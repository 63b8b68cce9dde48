import type { Kysely, Migration } from 'kysely';

/** Codes expire: a code found on old paper must not enrol a device. Existing codes get 30 days from their issue. */
export const codeExpiryMigration: Migration = {
  async up(db: Kysely<any>) {
    await db.schema.alterTable('enrolment_codes').addColumn('expires_at', 'text').execute();
    const codes: Array<{ code_hash: string; created_at: string }> = await db.selectFrom('enrolment_codes').select(['code_hash', 'created_at']).execute();
    for (const code of codes) {
      const expiresAt = new Date(Date.parse(code.created_at) + 30 * 24 * 60 * 60 * 1000).toISOString();
      await db.updateTable('enrolment_codes').set({ expires_at: expiresAt }).where('code_hash', '=', code.code_hash).execute();
    }
  },
  async down(db: Kysely<any>) {
    await db.schema.alterTable('enrolment_codes').dropColumn('expires_at').execute();
  },
};
