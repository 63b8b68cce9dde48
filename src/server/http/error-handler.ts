import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ApiErrorBody } from '../../shared/api-error.ts';
import { HttpError } from './http-error.ts';

function reply(c: Context, e: HttpError) {
  const body: ApiErrorBody = { error: { code: e.code, message: e.message } };
  if (e.issues?.length) body.error.issues = e.issues;
  for (const [name, value] of Object.entries(e.headers ?? {})) c.header(name, value);
  return c.json(body, e.status);
}

/** Every failure leaves as JSON with a stable code; unexpected ones are logged, not leaked. */
export const onError: ErrorHandler = (err, c) => {
  if (err instanceof HttpError) return reply(c, err);
  if (err instanceof HTTPException) {
    const code = err.status === 413 ? 'payload_too_large' : err.status === 401 ? 'unauthorized' : 'bad_request';
    return reply(c, new HttpError(err.status as 400, code, err.message || 'Bad request'));
  }
  console.error(err);
  return reply(c, new HttpError(500, 'internal', 'Internal server error'));
};

export const onNotFound: NotFoundHandler = (c) =>
  reply(c, new HttpError(404, 'not_found', `No route for ${c.req.method} ${c.req.path}`));
