import * as z from 'zod/mini';

/** An HLC stamp as written by hlc.ts: "wallMillis:counter", 13 and 5 digits. */
export const hlcSchema = z.string().check(z.regex(/^\d{13}:\d{5}$/, 'expected an HLC stamp "wallMillis:counter"'));
