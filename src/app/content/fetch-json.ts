import type * as z from 'zod/mini';
import { nextTask } from '../background-work.ts';

/** Why course data could not be shown; the UI turns it into a message in the trainee's language. */
export type LoadErrorCode = 'offline' | 'not-found' | 'invalid';

export class LoadError extends Error {
  constructor(readonly code: LoadErrorCode) {
    super(code);
  }
}

const cache = new Map<string, Promise<unknown>>();

/**
 * Fetches and validates one of the course's JSON files, once per URL (the names are content
 * hashed, so a cached answer is never stale). The service worker answers from its precache when
 * the phone is offline; a failure is not cached, so a retry can succeed.
 */
export function fetchJson<S extends z.ZodMiniType>(url: string, schema: S): Promise<z.infer<S>> {
  let pending = cache.get(url) as Promise<z.infer<S>> | undefined;
  if (!pending) {
    pending = load(url, schema);
    cache.set(url, pending);
    pending.catch(() => cache.delete(url));
  }
  return pending;
}

const early = new Map<string, Promise<unknown>>();

/**
 * Starts downloading a course file before the code that validates it has arrived: a lesson
 * opened by its address would otherwise wait for its screen's code, then zod, then its text,
 * one after the other. fetchJson picks the download up.
 */
export function prefetchJson(url: string): void {
  if (cache.has(url) || early.has(url)) return;
  const pending = download(url);
  pending.catch(() => {}); // reported by fetchJson, which a prefetch always precedes
  early.set(url, pending);
}

async function load<S extends z.ZodMiniType>(url: string, schema: S): Promise<z.infer<S>> {
  const pending = early.get(url) ?? download(url);
  early.delete(url);
  const parsed = schema.safeParse(await pending);
  if (!parsed.success) throw new LoadError('invalid');
  // Validating a lesson and drawing it are each a sizeable task on a slow phone: two tasks, not one long one.
  await nextTask();
  return parsed.data;
}

/** The file's JSON (undefined when it is not JSON), or a LoadError. */
async function download(url: string): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    throw new LoadError('offline');
  }
  if (!response.ok) throw new LoadError(response.status === 404 ? 'not-found' : 'offline');
  return response.json().catch(() => undefined);
}
