import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiErrorCode, ApiIssue } from '../../shared/api-error.ts';

/** A failure the client can act on: it becomes `{ error: { code, message, issues } }`. */
export class HttpError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: ApiIssue[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}
