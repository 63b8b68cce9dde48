import type { ApiErrorBody } from '../shared/api-error.ts';

/** A refusal from the office API: its status, stable code and issues, for a message in the office's language. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly issues: Array<{ path: Array<string | number>; message: string; code?: string }> = [],
  ) {
    super(code);
  }
}

const listeners = new Set<() => void>();
/** Called when the session has ended (401 on a signed-in page): the app shows the sign-in form. */
export function onSignedOut(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const BASE = '/api/v1/office';

/** Calls the office API; the browser sends the session cookie and, for a change, its Origin. */
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(BASE + path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiFailure(0, 'network');
  }
  if (res.status === 204) return undefined as T;
  const json = (await res.json().catch(() => undefined)) as unknown;
  if (!res.ok) {
    const error = (json as ApiErrorBody | undefined)?.error;
    if (res.status === 401 && path !== '/session' && path !== '/setup') for (const l of listeners) l();
    throw new ApiFailure(res.status, error?.code ?? 'internal', error?.issues ?? []);
  }
  return json as T;
}

/** A query string of the non-empty values, e.g. "?cohort=co-1&place=hue". */
export function queryOf(values: Record<string, string | undefined>): string {
  const params = new URLSearchParams(Object.entries(values).filter((e): e is [string, string] => !!e[1]));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The address of a table's CSV download for these filters, in the office's language. */
export const exportUrl = (table: string, filters: Record<string, string | undefined>, lang: string) =>
  `${BASE}/export/${table}.csv${queryOf({ ...filters, lang })}`;
