import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { CertificateStatus, CompletionResponse, NotCompletedBody } from '../../shared/completion/completion-api.ts';
import { recordIdSchema } from '../../shared/completion/completion-record.ts';
import type { KeySet } from '../../shared/completion/public-keys.ts';
import { type AuthDeps, type AuthEnv, authenticate } from '../auth/authenticate.ts';
import { HttpError } from '../http/http-error.ts';
import { parseWith } from '../http/read-body.ts';
import { type CertificateDeps, completionOf } from '../services/certificate-service.ts';

/**
 * The completion record's endpoints:
 * - GET /v1/keys: the published public keys, for anyone verifying a record;
 * - GET /v1/completion: the token's trainee's own record (there is no way to name another's), or
 *   404 not_completed with what is missing;
 * - GET /v1/certificates/:id/status: whether a record was revoked, for anyone holding it.
 */
export function certificateRoutes(auth: AuthDeps, deps: CertificateDeps) {
  return new Hono<AuthEnv>()
    .get('/v1/keys', (c) => {
      const body: KeySet = { keys: deps.keys.published() };
      const json = JSON.stringify(body);
      const etag = `"${createHash('sha256').update(json).digest('base64url').slice(0, 22)}"`;
      // An hour fresh, then revalidated (a 304 when nothing rotated). A verifier that meets an
      // unknown kid asks again at once, so a rotation never waits out the hour.
      c.header('Cache-Control', 'public, max-age=3600, stale-while-revalidate=86400');
      // Public, and sent without credentials: any verifier's own page or tool may read them.
      c.header('Access-Control-Allow-Origin', '*');
      c.header('ETag', etag);
      // Weak comparison (RFC 9110 §13.1.2): compression marks the tag weak (W/) on the way out.
      const weak = (tag: string) => tag.trim().replace(/^W\//, '');
      if (c.req.header('if-none-match')?.split(',').some((t) => weak(t) === etag)) return c.body(null, 304);
      return c.body(json, 200, { 'Content-Type': 'application/json' });
    })
    .get('/v1/completion', authenticate(auth), async (c) => {
      c.header('Cache-Control', 'no-store');
      const completion = await completionOf(deps, c.var.device.trainee);
      if ('missing' in completion) {
        const body: NotCompletedBody = {
          error: { code: 'not_completed', message: 'The course is not complete yet: see missing', missing: completion.missing },
        };
        return c.json(body, 404);
      }
      const body: CompletionResponse = { record: completion.certificate.jws, revokedAt: completion.certificate.revokedAt };
      return c.json(body);
    })
    .get('/v1/certificates/:id/status', async (c) => {
      const { id } = parseWith(statusParamsSchema, { id: c.req.param('id') });
      // Asked again at every check: a revocation must show at once.
      c.header('Cache-Control', 'no-store');
      c.header('Access-Control-Allow-Origin', '*');
      const certificate = await deps.repositories.certificates.byId(id);
      if (!certificate) throw new HttpError(404, 'not_found', 'No record with this id is in the register');
      const body: CertificateStatus = { id, status: certificate.revokedAt ? 'revoked' : 'valid', revokedAt: certificate.revokedAt };
      return c.json(body);
    });
}

const statusParamsSchema = z.object({ id: recordIdSchema });
