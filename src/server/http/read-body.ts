import type { Context } from 'hono';
import type * as z from 'zod/mini';
import type { ApiIssue } from '../../shared/api-error.ts';
// The issue messages below go to the client, so they must be zod's English ones, not "Invalid input".
import '../../shared/zod-messages.ts';
import { HttpError } from './http-error.ts';

/** The request body as JSON, or 400 invalid_json; bodyLimit has already capped its size. */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new HttpError(400, 'invalid_json', `The body is not valid JSON: ${(e as Error).message}`);
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

export function validationFailed(issues: ApiIssue[]): HttpError {
  const first = issues[0];
  const where = first && first.path.length ? ` at ${first.path.join('.')}` : '';
  return new HttpError(400, 'validation_failed', `The request is not valid${where}: ${first?.message ?? ''}`, issues);
}
