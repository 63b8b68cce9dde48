import * as z from 'zod/mini';
import { courseIdSchema } from '../course-id-schema.ts';

/**
 * The completion record: what the server signs when a trainee has finished the course, and what
 * the certificate screen, its QR code and the verify page show. It travels as the payload of a
 * compact JWS (jws.ts); the claim names `jti`, `sub` and `iat` are JWT's (RFC 7519), so any JOSE
 * library reads it too.
 */

/** The one course this app teaches, as records name it. */
export const COURSE_ID = 'egov-core-experts';

/**
 * A record's id: "ce-" and 16 letters or digits (about 79 random bits), short enough to type in
 * `admin revoke-certificate`, too many to guess one's status.
 */
export const recordIdSchema = z.string().check(z.regex(/^ce-[a-z0-9]{16}$/, 'expected a record id like "ce-" and 16 letters or digits'));

/** A score as a whole percent, rounded down so a record never states more than was scored. */
const percentSchema = z.number().check(z.int(), z.gte(0), z.lte(100));

/** Text a person typed (a name, a unit): one line, bounded, nothing empty. */
const personTextSchema = z.string().check(z.minLength(1), z.maxLength(200));

export const completionRecordSchema = z.object({
  /** The record's id (revocation is looked up by it). */
  jti: recordIdSchema,
  /** The trainee's id. */
  sub: z.string().check(z.minLength(1), z.maxLength(64)),
  name: personTextSchema,
  unit: personTextSchema,
  course: z.string().check(z.minLength(1), z.maxLength(64)),
  /** The content version the course was completed on (the course index's `version`). */
  version: z.string().check(z.minLength(1), z.maxLength(64)),
  /** The completion date, in Vietnam (UTC+7): the day the server found the course complete. */
  completed: z.iso.date(),
  /** When the record was issued, in seconds since the epoch. */
  iat: z.number().check(z.int(), z.positive()),
  /** Each lesson's best quiz score, in course order, by lesson id. */
  scores: z.record(courseIdSchema, percentSchema),
  /** The final assessment's best score. */
  final: percentSchema,
});
export type CompletionRecord = z.infer<typeof completionRecordSchema>;

/** A share of questions answered right (0..1) as the record's whole percent, rounded down. */
export const toPercent = (share: number): number => Math.floor(Math.round(share * 1e6) / 1e4);

// Vietnam has kept UTC+7 all year since 1975: a fixed offset, no time-zone data needed.
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The calendar date in Vietnam at an instant, "YYYY-MM-DD". */
export const vietnamDate = (epochMs: number): string => new Date(epochMs + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
