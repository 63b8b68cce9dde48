import * as z from 'zod/mini';
import { deviceIdSchema, learnerEventSchema } from '../../shared/events.ts';
import { enrolResponseSchema } from '../../shared/sync-api.ts';

/*
 * The progress file a trainee saves and carries to another (or a reinstalled) phone: every event
 * the phone holds, each with whether the server holds it (or refused it), and who made the file.
 * Events are validated with the shared event schema, as the server validates them.
 */

export const PROGRESS_FILE_FORMAT = 'egov-learn-progress';
export const PROGRESS_FILE_VERSION = 1;

/** One event as the file carries it: the shared event, whether the server held it when saved, and why the server refused it if it did. */
export const fileEventSchema = z.intersection(
  learnerEventSchema,
  z.object({
    synced: z.boolean(),
    /** The server refused it (sync/held-back.ts): it stays held back on the phone it goes to. */
    held: z.optional(z.object({ code: z.string(), message: z.string() })),
  }),
);
export type FileEvent = z.infer<typeof fileEventSchema>;

export const progressFileSchema = z.object({
  format: z.literal(PROGRESS_FILE_FORMAT),
  version: z.literal(PROGRESS_FILE_VERSION),
  /** ISO time the file was saved. */
  exportedAt: z.iso.datetime(),
  /** The app version that saved it. */
  app: z.string(),
  /** The phone that saved it. */
  deviceId: deviceIdSchema,
  /** The trainee the phone was enrolled for, or null before enrolment. */
  trainee: z.nullable(enrolResponseSchema.shape.trainee),
  events: z.array(fileEventSchema),
});
export type ProgressFile = z.infer<typeof progressFileSchema>;
