import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type * as z from 'zod/mini';
import type { ApiIssue } from '../../shared/api-error.ts';
// The issue messages below go to the client, so they must be zod's English ones, not "Invalid input".
import '../../shared/zod-messages.ts';
import { HttpError } from './http-error.ts';

/**
 * The request body as JSON: 415 unsupported_media_type unless it says it is JSON (a form or
 * text/plain post from another site never reaches a parser), 400 invalid_json if it is not.
 * bodyLimit has already capped its size.
 */
export async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new HttpError(415, 'unsupported_media_type', 'Send the body as JSON, with "Content-Type: application/json"');
  }
  const text = await readText(c);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new HttpError(400, 'invalid_json', `The body is not valid JSON: ${(e as Error).message}`);
  }
}

async function readText(c: Context): Promise<string> {
  try {
    return await c.req.text();
  } catch (e) {
    if (e instanceof HTTPException || e instanceof HttpError) throw e; // the body limit's 413
    // The client went away mid-body ("aborted"): its fault, not a server failure to log, and
    // nobody is left to read the reply.
    throw new HttpError(400, 'bad_request', 'The request body was not received in full');
  }
}

/** Parses `value` with a shared schema, or throws 400 validation_failed naming each failing path. */
export function parseWith<S extends z.ZodMiniType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw validationFailed(
    result.error.issues.map((issue) => ({
      path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
      message: issue.message,
    })),
  );
}

function validationFailed(issues: ApiIssue[]): HttpError {
  const first = issues[0];
  const where = first && first.path.length ? ` at ${first.path.join('.')}` : '';
  return new HttpError(400, 'validation_failed', `The request is not valid${where}: ${first?.message ?? ''}`, issues);
}
