import type { Kysely, Selectable } from 'kysely';
import type { CertificatesTable, Tables } from '../db/tables.ts';

/** An issued completion record as the register keeps it. */
export interface StoredCertificate {
  id: string;
  traineeId: string;
  courseId: string;
  name: string;
  unit: string;
  contentVersion: string;
  completedOn: string;
  kid: string;
  /** The record as signed (compact JWS). */
  jws: string;
  issuedAt: string;
  revokedAt: string | null;
  revokeReason: string | null;
}

export type NewCertificate = Omit<StoredCertificate, 'revokedAt' | 'revokeReason'>;

/** SQL over the register of issued completion records. */
export class CertificateRepository {
  constructor(private readonly db: Kysely<Tables>) {}

  /**
   * Stores the record unless the trainee already holds one for the course; true when this one
   * was stored. The unique (trainee, course) decides between concurrent issuances.
   */
  async insert(c: NewCertificate): Promise<boolean> {
    const inserted = await this.db
      .insertInto('certificates')
      .values({
        id: c.id,
        trainee_id: c.traineeId,
        course_id: c.courseId,
        trainee_name: c.name,
        trainee_unit: c.unit,
        content_version: c.contentVersion,
        completed_on: c.completedOn,
        kid: c.kid,
        jws: c.jws,
        issued_at: c.issuedAt,
        revoked_at: null,
        revoke_reason: null,
      })
      .onConflict((oc) => oc.columns(['trainee_id', 'course_id']).doNothing())
      .returning('id')
      .execute();
    return inserted.length === 1;
  }

  /** The trainee's record for the course, revoked or not. */
  async ofTrainee(traineeId: string, courseId: string): Promise<StoredCertificate | undefined> {
    const row = await this.db.selectFrom('certificates').selectAll().where('trainee_id', '=', traineeId).where('course_id', '=', courseId).executeTakeFirst();
    return row && toCertificate(row);
  }

  async byId(id: string): Promise<StoredCertificate | undefined> {
    const row = await this.db.selectFrom('certificates').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toCertificate(row);
  }

  /** Every issued record, oldest first. */
  async list(): Promise<StoredCertificate[]> {
    const rows = await this.db.selectFrom('certificates').selectAll().orderBy('issued_at').orderBy('id').execute();
    return rows.map(toCertificate);
  }

  /** Revokes the record; 'unknown' for no such id, 'already' when it was revoked before (the first reason stays). */
  async revoke(id: string, reason: string, now: string): Promise<'revoked' | 'already' | 'unknown'> {
    const found = await this.db.selectFrom('certificates').select('revoked_at').where('id', '=', id).executeTakeFirst();
    if (!found) return 'unknown';
    if (found.revoked_at) return 'already';
    await this.db.updateTable('certificates').set({ revoked_at: now, revoke_reason: reason }).where('id', '=', id).where('revoked_at', 'is', null).execute();
    return 'revoked';
  }

  /** The keys that signed the records in the register. */
  async signingKids(): Promise<string[]> {
    const rows = await this.db.selectFrom('certificates').select('kid').distinct().execute();
    return rows.map((r) => r.kid);
  }
}

function toCertificate(row: Selectable<CertificatesTable>): StoredCertificate {
  return {
    id: row.id,
    traineeId: row.trainee_id,
    courseId: row.course_id,
    name: row.trainee_name,
    unit: row.trainee_unit,
    contentVersion: row.content_version,
    completedOn: row.completed_on,
    kid: row.kid,
    jws: row.jws,
    issuedAt: row.issued_at,
    revokedAt: row.revoked_at,
    revokeReason: row.revoke_reason,
  };
}
