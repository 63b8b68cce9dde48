import type { ColumnType } from 'kysely';

/** ISO-8601 UTC text, e.g. "2025-03-01T08:00:00.000Z". */
type IsoTime = string;

export interface TraineesTable {
  id: string;
  name: string;
  unit: string;
  created_at: IsoTime;
  revoked_at: IsoTime | null;
  last_sync_at: IsoTime | null;
}

export interface EnrolmentCodesTable {
  code_hash: string;
  trainee_id: string;
  created_at: IsoTime;
  used_at: IsoTime | null;
  /** The device that used the code (since migration 0005); it alone may redeem it again. */
  used_by_device: string | null;
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
  /** The event's HLC stamp. */
  at: string;
  received_at: IsoTime;
}

/** The database's tables as Kysely sees them; one interface per table, added by migrations. */
export interface Tables {
  trainees: TraineesTable;
  enrolment_codes: EnrolmentCodesTable;
  devices: DevicesTable;
  events: EventsTable;
}
