import * as z from 'zod/mini';
import { learnerEventSchema } from '../../shared/events.ts';
import { enrolResponseSchema } from '../../shared/sync-api.ts';

/*
 * The progress file a trainee saves and carries to another (or a reinstalled) phone: every event
 * the phone holds, each with whether the server holds it, and who made the file. Events are
 * validated with the shared event schema, as the server validates them.
 */

export const PROGRESS_FILE_FORMAT = 'egov-learn-progress';
export const PROGRESS_FILE_VERSION = 1;

/** One event as the file carries it: the shared event, and whether the server held it when saved. */
export const fileEventSchema = z.intersection(learnerEventSchema, z.object({ synced: z.boolean() }));
export type FileEvent = z.infer<typeof fileEventSchema>;

export const progressFileSchema = z.object({
  format: z.literal(PROGRESS_FILE_FORMAT),
  version: z.literal(PROGRESS_FILE_VERSION),
  /** ISO time the file was saved. */
  exportedAt: z.iso.datetime(),
  /** The app version that saved it. */
  app: z.string(),
  /** The phone that saved it. */
  deviceId: z.string().check(z.minLength(8), z.maxLength(64)),
  /** The trainee the phone was enrolled for, or null before enrolment. */
  trainee: z.nullable(enrolResponseSchema.shape.trainee),
  events: z.array(fileEventSchema),
});
export type ProgressFile = z.infer<typeof progressFileSchema>;

