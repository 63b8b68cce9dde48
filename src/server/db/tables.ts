import type { ColumnType } from 'kysely';
import type { OfficeTables } from './office-tables.ts';

/** ISO-8601 UTC text, e.g. "2025-03-01T08:00:00.000Z". */
type IsoTime = string;

export interface TraineesTable {
  id: string;
  name: string;
  unit: string;
  created_at: IsoTime;
  revoked_at: IsoTime | null;
  last_sync_at: IsoTime | null;
  /** Bytes of event payloads stored (0007): what the storage budget counts. */
  stored_bytes: ColumnType<number | string, number | undefined, number | string>;
  /** The trainee's province, centrally run city or ministry (places.id, 0011); null when not given. */
  place_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface EnrolmentCodesTable {
  code_hash: string;
  trainee_id: string;
  created_at: IsoTime;
  used_at: IsoTime | null;
  /** The device that used the code (since migration 0005); it alone may redeem it again. */
  used_by_device: string | null;
  /** After this the code no longer enrols (0008). */
  expires_at: IsoTime | null;
}

export interface DevicesTable {
  token_hash: string;
  trainee_id: string;
  device_id: string;
  created_at: IsoTime;
  revoked_at: IsoTime | null;
  last_sync_at: IsoTime | null;
}

export interface EventsTable {
  id: string;
  // PostgreSQL returns bigint as a string; SQLite needs it on insert (see 0004-events.ts).
  seq: ColumnType<number | string, number | undefined, never>;
  trainee_id: string;
  device_id: string;
  type: string;
  lesson_id: string;
  /** The event's payload as JSON text. */
  payload: string;
  /** The event's HLC stamp, as merged: the server's clamped stamp when the phone's ran far ahead. */
  at: string;
  received_at: IsoTime;
  /** Why the course has no place for the event (0006); null for a placed event. */
  flag: string | null;
  /** The phone's own stamp when `at` was clamped (0006); null otherwise. */
  original_at: string | null;
}

export interface AttemptCountersTable {
  /** What is counted and for whom, e.g. "enrol:203.0.113.7" or "enrol:*". */
  key: string;
  /** Start of the current window, epoch milliseconds. */
  window_start: ColumnType<number | string, number, number>;
  count: number;
}

/** An issued completion record (0020); at most one per trainee and course. */
export interface CertificatesTable {
  /** The record's id, its `jti`. */
  id: string;
  trainee_id: string;
  course_id: string;
  /** Name and unit as the record states them (the trainee's at issuance). */
  trainee_name: string;
  trainee_unit: string;
  content_version: string;
  /** The record's completion date in Vietnam, "YYYY-MM-DD". */
  completed_on: string;
  /** The key it was signed with. */
  kid: string;
  /** The record as signed: a compact JWS. */
  jws: string;
  issued_at: IsoTime;
  revoked_at: IsoTime | null;
  revoke_reason: string | null;
}

/** The database's tables as Kysely sees them; one interface per table, added by migrations. */
export interface Tables extends OfficeTables {
  trainees: TraineesTable;
  enrolment_codes: EnrolmentCodesTable;
  devices: DevicesTable;
  events: EventsTable;
  attempt_counters: AttemptCountersTable;
  certificates: CertificatesTable;
}
