import type * as z from 'zod/mini';
import { apiErrorBodySchema } from '../../shared/api-error.ts';

/** How a call to the API can fail, as a value: the caller decides what the trainee sees. */
export type ApiFailure =
  /** No answer: offline, DNS, reset connection, timeout. */
  | { kind: 'network' }
  /** An HTTP error; `code` is the API error code when the body had one. */
  | { kind: 'http'; status: number; code: string; retryAfterMs?: number | undefined }
  /** A 2xx whose body is not what the contract says (a captive portal's page, say). */
  | { kind: 'bad_reply' };

export type ApiResult<T> = { ok: true; value: T } | { ok: false; failure: ApiFailure };

export interface ApiTransport {
  /** Injectable for tests; the browser's fetch by default. */
  fetch: typeof fetch;
  /** '' in the app (same origin); the test server's URL in tests. */
  baseUrl: string;
  timeoutMs?: number;
}

/** POSTs `body` as JSON and parses the reply with `schema`; never throws. */
export async function postJson<S extends z.ZodMiniType>(
  transport: ApiTransport,
  path: string,
  body: unknown,
  schema: S,
  token?: string,
): Promise<ApiResult<z.infer<S>>> {
  let response: Response;
  let json: unknown;
  try {
    response = await transport.fetch(`${transport.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
      // A request that hangs would hold the sync lock for good.
      signal: AbortSignal.timeout(transport.timeoutMs ?? 30_000),
    });
    json = await response.json().catch(() => undefined);
  } catch {
    return { ok: false, failure: { kind: 'network' } };
  }
  if (!response.ok) {
    const parsed = apiErrorBodySchema.safeParse(json);
    const retryAfter = Number(response.headers.get('retry-after'));
    return {
      ok: false,
      failure: {
        kind: 'http',
        status: response.status,
        code: parsed.success ? parsed.data.error.code : `http_${response.status}`,
        retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined,
      },
    };
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, failure: { kind: 'bad_reply' } };
}
