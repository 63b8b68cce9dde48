import * as z from 'zod/mini';
import { recordIdSchema } from './completion-record.ts';
import { missingSchema } from './course-completion.ts';

/** GET /api/v1/completion: the trainee's signed completion record, and whether it was revoked. */
export const completionResponseSchema = z.object({
  /** The record as a compact JWS (verify-record.ts), exactly as issued. */
  record: z.string().check(z.minLength(1)),
  /** When the programme office revoked it (ISO time), or null. */
  revokedAt: z.nullable(z.string()),
});
export type CompletionResponse = z.infer<typeof completionResponseSchema>;

/** GET /api/v1/completion before completion: 404 with the error code `not_completed` and what is missing. */
export const notCompletedBodySchema = z.object({
  error: z.object({ code: z.literal('not_completed'), message: z.string(), missing: missingSchema }),
});
export type NotCompletedBody = z.infer<typeof notCompletedBodySchema>;

/**
 * GET /api/v1/certificates/<id>/status: public, so anyone holding a record can ask. It says
 * only whether the record was revoked and when: the office's reason stays in the register.
 */
export const certificateStatusSchema = z.object({
  id: recordIdSchema,
  status: z.enum(['valid', 'revoked']),
  revokedAt: z.nullable(z.string()),
});
export type CertificateStatus = z.infer<typeof certificateStatusSchema>;
