import * as z from 'zod/mini';
import { apiIssueSchema } from './api-error.ts';
import { IMPORT_ROWS_MAX, NAME_MAX, PASSWORD_MAX, PASSWORD_MIN, type PlaceKind, placeKinds, UNIT_MAX } from './office-limits.ts';

export { IMPORT_ROWS_MAX, NAME_MAX, PASSWORD_MAX, PASSWORD_MIN, type PlaceKind, placeKinds, UNIT_MAX };

/*
 * The programme office's API (/api/v1/office/…): what the office's pages send and receive.
 * The server parses every body and query with these; the office's pages use the inferred types.
 */

/**
 * Control characters, line and paragraph separators and bidirectional overrides: a name shown in
 * a table, a CSV cell or a terminal must not hold one (it could forge a line or reorder text).
 */
const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Half of a surrogate pair without its other half: no database stores it faithfully. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when `text` is one line of printable text. */
export const isPrintableLine = (text: string): boolean => !UNSAFE_TEXT.test(text) && !LONE_SURROGATE.test(text);

/** One line of printable text, NFC and trimmed, 1 to `max` characters. */
export const textLine = (max: number) =>
  z.pipe(
    z.pipe(z.string().check(z.maxLength(max * 4)), z.transform((s: string) => s.normalize('NFC').trim())),
    z.string().check(
      z.minLength(1),
      z.maxLength(max),
      z.refine(isPrintableLine, 'must be printable text on one line'),
    ),
  );


/** Ids the office names in paths and queries: cohorts, places, trainees. */
export const officeIdSchema = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'expected an id'), z.maxLength(64));

/** Filters every dashboard view takes (query parameters); a unit officer's unit applies on top. */
export const officeFilterSchema = z.object({
  cohort: z.optional(officeIdSchema),
  place: z.optional(officeIdSchema),
  unit: z.optional(textLine(UNIT_MAX)),
});
export type OfficeFilter = z.infer<typeof officeFilterSchema>;

export const officerSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  /** The one unit this officer sees; null for the whole programme. */
  unit: z.nullable(z.string()),
});
export type Officer = z.infer<typeof officerSchema>;

export const passwordSchema = z.string().check(z.minLength(PASSWORD_MIN), z.maxLength(PASSWORD_MAX));

export const signInRequestSchema = z.object({
  email: z.pipe(z.string().check(z.maxLength(254)), z.transform((s: string) => s.trim().toLowerCase())),
  password: z.string().check(z.minLength(1), z.maxLength(PASSWORD_MAX)),
});

/** POST /setup: the one-time link's token (from the link's fragment) and the new password. */
export const setupRequestSchema = z.object({
  token: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/, 'expected the token from the setup link')),
  password: passwordSchema,
});

export const sessionResponseSchema = z.object({ officer: officerSchema });
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

const bilingual = z.object({ vi: z.string(), en: z.string() });

export const overviewSchema = z.object({
  enrolled: z.number(),
  activeLast7Days: z.number(),
  /** Trainees who completed every lesson and passed the final assessment. */
  completed: z.number(),
  certificates: z.number(),
  /** Enrolled devices that have not synced for over 7 days (or never). */
  devicesNotSynced7Days: z.number(),
});
export type Overview = z.infer<typeof overviewSchema>;

export const groupRowSchema = z.object({
  /** The unit's name, or the place's id; null for trainees with no province or ministry. */
  key: z.nullable(z.string()),
  trainees: z.number(),
  /** Lessons completed out of every lesson for every trainee of the group, 0..1. */
  completionRate: z.nullable(z.number()),
  /** Mean of the best quiz scores the group's trainees have, 0..1; null before any quiz. */
  averageScore: z.nullable(z.number()),
  lastActivityAt: z.nullable(z.string()),
});
export type GroupRow = z.infer<typeof groupRowSchema>;
export const groupBySchema = z.enum(['unit', 'place']);
export type GroupBy = z.infer<typeof groupBySchema>;

export const funnelRowSchema = z.object({
  lessonId: z.string(),
  title: z.nullable(bilingual),
  opened: z.number(),
  allSectionsRead: z.number(),
  quizPassed: z.number(),
});
export type FunnelRow = z.infer<typeof funnelRowSchema>;

export const questionRowSchema = z.object({
  lessonId: z.string(),
  questionId: z.string(),
  lessonTitle: z.nullable(bilingual),
  prompt: z.nullable(bilingual),
  /** Trainees who have answered it at least once. */
  firstAttempts: z.number(),
  /** Share of them right at their first attempt; null when the build gave no answer key. */
  rightFirstTime: z.nullable(z.number()),
  mostChosenWrong: z.nullable(z.object({ optionId: z.string(), text: z.nullable(bilingual), count: z.number() })),
});
export type QuestionRow = z.infer<typeof questionRowSchema>;

export const traineeRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  unit: z.string(),
  placeId: z.nullable(z.string()),
  lessonsCompleted: z.number(),
  courseCompleted: z.boolean(),
  lastActivityAt: z.nullable(z.string()),
  lastSyncAt: z.nullable(z.string()),
  revoked: z.boolean(),
});
export type TraineeRow = z.infer<typeof traineeRowSchema>;

export const traineeListQuerySchema = z.extend(officeFilterSchema, {
  q: z.optional(z.string().check(z.maxLength(NAME_MAX))),
  offset: z.optional(z.coerce.number().check(z.int(), z.gte(0))),
});

export const traineeDetailSchema = z.object({
  trainee: z.extend(traineeRowSchema, { createdAt: z.string() }),
  cohorts: z.array(z.object({ id: z.string(), name: z.string() })),
  lessons: z.array(
    z.object({
      lessonId: z.string(),
      title: z.nullable(bilingual),
      sectionsRead: z.number(),
      sectionsTotal: z.number(),
      completed: z.boolean(),
      attempts: z.number(),
      bestScore: z.nullable(z.number()),
      passed: z.boolean(),
      lastActivityAt: z.nullable(z.string()),
    }),
  ),
  devices: z.array(z.object({ deviceId: z.string(), enrolledAt: z.string(), lastSyncAt: z.nullable(z.string()), revokedAt: z.nullable(z.string()) })),
  /** How many lessons hold a note: never the notes themselves, which are the trainee's own. */
  notes: z.number(),
});
export type TraineeDetail = z.infer<typeof traineeDetailSchema>;

const isoDate = z.iso.date();
export const cohortInputSchema = z.object({ name: textLine(NAME_MAX), startsOn: isoDate, endsOn: isoDate }).check(
  z.refine((c) => c.endsOn >= c.startsOn, { message: 'the cohort must end on or after its start', path: ['endsOn'] }),
);
export type CohortInput = z.infer<typeof cohortInputSchema>;
export type Cohort = CohortInput & { id: string; trainees: number };

export const placeInputSchema = z.object({ kind: z.enum(placeKinds), vi: textLine(NAME_MAX), en: textLine(NAME_MAX) });
export const placeUpdateSchema = z.object({ vi: z.optional(textLine(NAME_MAX)), en: z.optional(textLine(NAME_MAX)), retired: z.optional(z.boolean()) });
export type Place = z.infer<typeof placeInputSchema> & { id: string; retired: boolean };

const cohortIds = z.array(officeIdSchema).check(z.maxLength(20));

export const enrolTraineeSchema = z.object({
  name: textLine(NAME_MAX),
  unit: textLine(UNIT_MAX),
  placeId: officeIdSchema,
  cohortIds: z._default(cohortIds, []),
});

export const traineeUpdateSchema = z.object({
  name: z.optional(textLine(NAME_MAX)),
  unit: z.optional(textLine(UNIT_MAX)),
  placeId: z.optional(z.nullable(officeIdSchema)),
  cohortIds: z.optional(cohortIds),
});

/** A trainee just enrolled, with the one-time code: shown once, for the enrolment sheet. */
export const enrolledSchema = z.object({
  trainee: z.object({ id: z.string(), name: z.string(), unit: z.string(), placeId: z.nullable(z.string()) }),
  code: z.string(),
  expiresAt: z.string(),
});
export type Enrolled = z.infer<typeof enrolledSchema>;

export const importRequestSchema = z.object({
  csv: z.string().check(z.maxLength(512 * 1024)),
  cohortIds: z._default(cohortIds, []),
});

/** Why a CSV row was refused; the office's pages name each in both languages. */
export const rowProblemCodes = ['required', 'too_long', 'not_printable', 'unknown_place', 'other_unit', 'missing_columns', 'no_rows', 'too_many_rows', 'unreadable'] as const;
export type RowProblem = (typeof rowProblemCodes)[number];

/** An issue of a refused upload: `path` is ["rows", line, column], the line as a spreadsheet numbers it. */
export const importIssueSchema = z.extend(apiIssueSchema, { code: z.enum(rowProblemCodes) });
export type ImportIssue = z.infer<typeof importIssueSchema>;

const codeResponseSchema = z.object({ code: z.string(), expiresAt: z.string() });
/** A new one-time enrolment code for a trainee's next device. */
export type CodeResponse = z.infer<typeof codeResponseSchema>;

/** Tables the office can download as CSV. */
export const exportTables = ['units', 'places', 'funnel', 'questions', 'trainees'] as const;
export type ExportTable = (typeof exportTables)[number];
export const exportQuerySchema = z.extend(officeFilterSchema, { lang: z._default(z.enum(['vi', 'en']), 'vi') });
