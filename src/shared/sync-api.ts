import * as z from 'zod/mini';
import { deviceIdSchema, learnerEventSchema } from './events.ts';

/** The most events one sync request may push; the client sends at most this many per round. */
export const SYNC_BATCH_LIMIT = 200;
/** The most events one sync reply pulls; `more` says whether to ask again. */
export const SYNC_PULL_LIMIT = 500;

/** POST /api/v1/sync: push unsynced events and pull others' after `cursor`, in one round trip. */
export const syncRequestSchema = z.object({
  deviceId: deviceIdSchema,
  /** The server sequence number of the last pulled event; 0 before the first pull. */
  cursor: z.number().check(z.int(), z.gte(0)),
  events: z.array(learnerEventSchema).check(z.maxLength(SYNC_BATCH_LIMIT)),
});
export type SyncRequest = z.infer<typeof syncRequestSchema>;

export const syncResponseSchema = z.object({
  /** Ids of the pushed events the server now holds (new or already stored): mark these synced. */
  accepted: z.array(z.uuid()),
  /** The trainee's events from other devices after the cursor, in server order. */
  events: z.array(learnerEventSchema),
  cursor: z.number().check(z.int(), z.gte(0)),
  /** True when more events wait after `cursor`: sync again. */
  more: z.boolean(),
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
