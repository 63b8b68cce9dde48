import * as z from 'zod/mini';
import { deviceIdSchema, learnerEventSchema } from './events.ts';
import { hlcSchema } from './hlc-schema.ts';

/**
 * The most events one sync request may push; the client sends at most this many per round.
 * The most that still fits the 1 MB body limit when every event is a 1,000-letter note in
 * 3-byte letters (a longer note can pass it; the client halves a batch refused with 413). A
 * 10,000-event sync took 2.4 s in batches of 300, against 3.3 s in 200 and 2.1 s in 500.
 */
export const SYNC_BATCH_LIMIT = 300;
/** The most events one sync reply pulls; `more` says whether to ask again. */
export const SYNC_PULL_LIMIT = 500;

/**
 * POST /api/v1/sync: push unsynced events and pull others' after `cursor`, in one round trip.
 * The server parses each event with learnerEventSchema on its own, so one malformed event is
 * refused alone and never holds back the rest of the batch.
 */
export const syncRequestSchema = z.object({
  deviceId: deviceIdSchema,
  /** The server sequence number of the last pulled event; 0 before the first pull. */
  cursor: z.number().check(z.int(), z.gte(0)),
  events: z.array(z.unknown()).check(z.maxLength(SYNC_BATCH_LIMIT)),
});
export type SyncRequest = z.infer<typeof syncRequestSchema>;

/**
 * Why the server did not store a pushed event. Resending it unchanged is refused again: the
 * phone holds it back (never deletes it) and tells the trainee.
 * - invalid_event: it fails the shared event schema (the message names the path);
 * - not_own_event: its deviceId is not the device the token was issued to;
 * - id_conflict: its id is stored with other content, or is another trainee's, or appears
 *   twice in the batch with different content (both copies are refused);
 * - budget_exceeded: storing it would take the trainee past their storage budget.
 */
export const refusalCodes = ['invalid_event', 'not_own_event', 'id_conflict', 'budget_exceeded'] as const;

export const refusedEventSchema = z.object({
  /** The event's id when it has a readable one. */
  id: z.nullable(z.uuid()),
  /** Its position in the request's `events`. */
  index: z.number().check(z.int(), z.gte(0)),
  code: z.enum(refusalCodes),
  message: z.string(),
});
export type RefusedEvent = z.infer<typeof refusedEventSchema>;

/** A pushed event stamped more than a day ahead of the server: stored under this stamp instead. */
export const restampedEventSchema = z.object({ id: z.uuid(), at: hlcSchema });
export type RestampedEvent = z.infer<typeof restampedEventSchema>;

export const syncResponseSchema = z.object({
  /**
   * Ids of the pushed events the server now holds (new, already held, or stored with a flag
   * because the course has no place for them): mark these synced.
   */
  accepted: z.array(z.uuid()),
  /** Pushed events the server did not store, each with why. */
  refused: z.array(refusedEventSchema),
  /** Accepted events whose stamp the server clamped: the phone rewrites its copy's `at`. */
  restamped: z.array(restampedEventSchema),
  /** The trainee's events from other devices after the cursor, in server order. */
  events: z.array(learnerEventSchema),
  cursor: z.number().check(z.int(), z.gte(0)),
  /** True when more events wait after `cursor`: sync again. */
  more: z.boolean(),
  /** The server's clock when it answered, in epoch milliseconds: the phone's offset comes from it. */
  serverTime: z.number().check(z.int(), z.gte(0)),
});
export type SyncResponse = z.infer<typeof syncResponseSchema>;

/** Enrolment codes are short and read aloud or typed: letters and digits, dashes ignored. */
export const enrolmentCodeSchema = z.pipe(
  z.pipe(z.string(), z.transform((s: string) => s.replace(/[\s-]/g, '').toUpperCase())),
  z.string().check(z.regex(/^[A-Z0-9]{8,12}$/, 'expected an enrolment code of 8 to 12 letters and digits')),
);

/** POST /api/v1/enrol: exchange a one-time code for this device's token. */
export const enrolRequestSchema = z.object({
  code: enrolmentCodeSchema,
  deviceId: deviceIdSchema,
});
export type EnrolRequest = z.infer<typeof enrolRequestSchema>;

/** A trainee as the API shows them. */
export const traineeSchema = z.object({ id: z.string(), name: z.string(), unit: z.string() });
export type Trainee = z.infer<typeof traineeSchema>;

export const enrolResponseSchema = z.object({
  token: z.string().check(z.minLength(22)),
  trainee: traineeSchema,
});
export type EnrolResponse = z.infer<typeof enrolResponseSchema>;
