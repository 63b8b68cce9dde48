import * as z from 'zod/mini';

/** Stable error codes of the API; clients branch on these, never on messages. */
export const apiErrorCodes = [
  'bad_request',
  'invalid_json',
  'validation_failed',
  'not_found',
  'unauthorized',
  /** Signed in, but this officer may not see or change that (another unit's trainee, a foreign Origin). */
  'forbidden',
  'payload_too_large',
  'unsupported_media_type',
  'headers_too_large',
  'request_timeout',
  'rate_limited',
  /** GET /api/v1/completion before the course is complete (completion/completion-api.ts). */
  'not_completed',
  'internal',
] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];

export const apiIssueSchema = z.object({
  /** Where in the request body the problem is, e.g. ["events", 3, "payload", "score"]. */
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});
export type ApiIssue = z.infer<typeof apiIssueSchema>;

export const apiErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(apiErrorCodes),
    message: z.string(),
    issues: z.optional(z.array(apiIssueSchema)),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;
