import type { Kysely } from 'kysely';
import type { Officer } from '../../shared/office-api.ts';
import type { DatabaseKind } from '../db/database.ts';
import type { Tables } from '../db/tables.ts';

/** An officer as sign-in sees them: with the password hash, if one is set. */
export interface OfficerAccount extends Officer {
  passwordHash: string | null;
  disabled: boolean;
}

/** SQL over officers, their setup links and their sessions. */
export class OfficerRepository {
  constructor(
    private readonly db: Kysely<Tables>,
    private readonly kind: DatabaseKind,
  ) {}

  async createOfficer(input: Officer & { now: string }): Promise<void> {
    const { id, email, name, unit, now } = input;
    await this.db.insertInto('officers').values({ id, email, name, unit, password_hash: null, created_at: now, disabled_at: null }).execute();
  }

  async accountByEmail(email: string): Promise<OfficerAccount | undefined> {
    return this.account('email', email);
  }

  async accountById(id: string): Promise<OfficerAccount | undefined> {
    return this.account('id', id);
  }

  private async account(by: 'id' | 'email', value: string): Promise<OfficerAccount | undefined> {
    const row = await this.db.selectFrom('officers').selectAll().where(by, '=', value).executeTakeFirst();
    return row && { id: row.id, email: row.email, name: row.name, unit: row.unit, passwordHash: row.password_hash, disabled: row.disabled_at !== null };
  }

  /** Every officer, by email, with whether a password is set. */
  async listOfficers(): Promise<Array<Officer & { hasPassword: boolean; disabled: boolean }>> {
    const rows = await this.db.selectFrom('officers').selectAll().orderBy('email').execute();
    return rows.map((r) => ({ id: r.id, email: r.email, name: r.name, unit: r.unit, hasPassword: r.password_hash !== null, disabled: r.disabled_at !== null }));
  }

  async setPassword(officerId: string, passwordHash: string): Promise<void> {
    await this.db.updateTable('officers').set({ password_hash: passwordHash }).where('id', '=', officerId).execute();
  }

  async disableOfficer(officerId: string, now: string): Promise<void> {
    await this.db.updateTable('officers').set({ disabled_at: now }).where('id', '=', officerId).where('disabled_at', 'is', null).execute();
  }

  async addSetupLink(input: { tokenHash: string; officerId: string; now: string; expiresAt: string }): Promise<void> {
    await this.db
      .insertInto('officer_setup_links')
      .values({ token_hash: input.tokenHash, officer_id: input.officerId, created_at: input.now, expires_at: input.expiresAt, used_at: null })
      .execute();
  }

  /** The link's row, locked on PostgreSQL until the transaction ends, so two uses of one link take turns. */
  async lockSetupLink(tokenHash: string): Promise<{ officerId: string; expiresAt: string; usedAt: string | null } | undefined> {
    const row = await this.db
      .selectFrom('officer_setup_links')
      .select(['officer_id', 'expires_at', 'used_at'])
      .where('token_hash', '=', tokenHash)
      .$if(this.kind === 'postgres', (q) => q.forUpdate())
      .executeTakeFirst();
    return row && { officerId: row.officer_id, expiresAt: row.expires_at, usedAt: row.used_at };
  }

  async markSetupLinkUsed(tokenHash: string, now: string): Promise<void> {
    await this.db.updateTable('officer_setup_links').set({ used_at: now }).where('token_hash', '=', tokenHash).execute();
  }

  async addSession(input: { tokenHash: string; officerId: string; now: string }): Promise<void> {
    await this.db
      .insertInto('officer_sessions')
      .values({ token_hash: input.tokenHash, officer_id: input.officerId, created_at: input.now, last_seen_at: input.now })
      .execute();
  }

  /** The session's officer and when it was last used, unless the officer is disabled. */
  async session(tokenHash: string): Promise<{ officer: Officer; lastSeenAt: string } | undefined> {
    const row = await this.db
      .selectFrom('officer_sessions as s')
      .innerJoin('officers as o', 'o.id', 's.officer_id')
      .select(['o.id', 'o.email', 'o.name', 'o.unit', 's.last_seen_at'])
      .where('s.token_hash', '=', tokenHash)
      .where('o.disabled_at', 'is', null)
      .executeTakeFirst();
    return row && { officer: { id: row.id, email: row.email, name: row.name, unit: row.unit }, lastSeenAt: row.last_seen_at };
  }

  async touchSession(tokenHash: string, now: string): Promise<void> {
    await this.db.updateTable('officer_sessions').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute();
  }

  async endSession(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('officer_sessions').where('token_hash', '=', tokenHash).execute();
  }

  async endSessionsOf(officerId: string): Promise<void> {
    await this.db.deleteFrom('officer_sessions').where('officer_id', '=', officerId).execute();
  }

  /** Forgets sessions idle since before `before`: they can no longer be used. */
  async forgetSessionsIdleSince(before: string): Promise<void> {
    await this.db.deleteFrom('officer_sessions').where('last_seen_at', '<', before).execute();
  }
}
