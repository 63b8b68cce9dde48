import type { ColumnType } from 'kysely';

/** ISO-8601 UTC text, as in tables.ts. */
type IsoTime = string;
/** 0 or 1: SQLite has no boolean, so both databases keep flags as integers. */
type Flag = number;
/** PostgreSQL returns bigint sums as text; numbers go in. */
type Count = ColumnType<number | string, number, number>;

/** The programme office's officers (0010). */
export interface OfficersTable {
  id: string;
  /** Lower case; what an officer signs in with. */
  email: string;
  name: string;
  /** The one unit this officer sees (trainees.unit); null for the whole programme. */
  unit: string | null;
  /** `scrypt$N$r$p$salt$hash` (auth/passwords.ts); null until the setup link is used. */
  password_hash: string | null;
  created_at: IsoTime;
  disabled_at: IsoTime | null;
}

/** One-time links where an officer sets a password (0010); only the token's SHA-256 is kept. */
export interface OfficerSetupLinksTable {
  token_hash: string;
  officer_id: string;
  created_at: IsoTime;
  expires_at: IsoTime;
  used_at: IsoTime | null;
}

/** Signed-in browsers (0010): the cookie's SHA-256, and when it was last used (the idle timeout). */
export interface OfficerSessionsTable {
  token_hash: string;
  officer_id: string;
  created_at: IsoTime;
  last_seen_at: IsoTime;
}

/** Provinces, centrally run cities and ministries (0011), seeded from db/seeds/places.json. */
export interface PlacesTable {
  id: string;
  kind: string;
  name_vi: string;
  name_en: string;
  position: number;
  retired_at: IsoTime | null;
}

/** Cohorts (0012); a trainee may be in several (cohort_members). */
export interface CohortsTable {
  id: string;
  name: string;
  /** YYYY-MM-DD. */
  starts_on: string;
  ends_on: string;
  created_at: IsoTime;
}

export interface CohortMembersTable {
  cohort_id: string;
  trainee_id: string;
}

/**
 * One trainee's progress in one lesson (0013), under the lesson's current id, kept up to date in
 * the sync's transaction from placed events only. Notes are a flag and a clock, never text.
 */
export interface LessonRollupsTable {
  trainee_id: string;
  lesson_id: string;
  /** JSON array of the section ids read, sorted. */
  sections: string;
  sections_read: number;
  completed: Flag;
  attempts: number;
  best_score: number | null;
  passed: Flag;
  /** The note's last-writer-wins clock: stamp, device, event. */
  note_at: string | null;
  note_device: string | null;
  note_event: string | null;
  has_note: Flag;
  /** The newest event's HLC stamp. */
  last_at: string;
}

/** A trainee's first answer to a question (0013): the earliest quiz attempt that answered it. */
export interface QuestionRollupsTable {
  trainee_id: string;
  lesson_id: string;
  question_id: string;
  first_at: string;
  first_event: string;
  /** JSON array of the option ids chosen, sorted. */
  first_options: string;
}

/** One row per trainee (0013), summarising their lesson rows for the dashboard's tables. */
export interface TraineeRollupsTable {
  trainee_id: string;
  lessons_completed: Count;
  /** Sum and number of best quiz scores (lessons and the final assessment). */
  score_sum: ColumnType<number | string, number, number>;
  scored: Count;
  final_passed: Flag;
  course_completed: Flag;
  notes: Count;
  last_activity_at: IsoTime | null;
}

/** Work a migration leaves for the server's start, which has the course (0013): "rollups" pending. */
export interface OfficeStateTable {
  name: string;
  pending: Flag;
}

export interface OfficeTables {
  officers: OfficersTable;
  officer_setup_links: OfficerSetupLinksTable;
  officer_sessions: OfficerSessionsTable;
  places: PlacesTable;
  cohorts: CohortsTable;
  cohort_members: CohortMembersTable;
  lesson_rollups: LessonRollupsTable;
  question_rollups: QuestionRollupsTable;
  trainee_rollups: TraineeRollupsTable;
  office_state: OfficeStateTable;
}
