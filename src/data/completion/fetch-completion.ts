import { apiErrorBodySchema } from '../../shared/api-error.ts';
import { completionResponseSchema, notCompletedBodySchema } from '../../shared/completion/completion-api.ts';
import type { Missing } from '../../shared/completion/course-completion.ts';
import { readCompletionRecord } from '../../shared/completion/verify-record.ts';
import type { LocalStore } from '../local-store.ts';
import { getMeta, type LearnDb } from '../store/learn-db.ts';
import type { ApiFailure, ApiTransport } from '../sync/api-client.ts';
import type { KeptCompletion } from './kept-completion.ts';

export type CompletionFetch =
  | { kind: 'kept'; completion: KeptCompletion }
  /** The server does not see the course complete yet: what it still misses. */
  | { kind: 'not_completed'; missing: Missing }
  | { kind: 'not_enrolled' }
  | { kind: 'failed'; failure: ApiFailure };

/**
 * Asks the server for the trainee's completion record (GET /api/v1/completion) and keeps it in
 * the `completion` store. Never throws; a failure keeps whatever was kept before.
 */
export async function fetchCompletion(store: LocalStore, transport: ApiTransport, now = Date.now): Promise<CompletionFetch> {
  const { db } = store;
  const [token, trainee] = await Promise.all([getMeta(db, 'token'), getMeta(db, 'trainee')]);
  if (!token || !trainee) return { kind: 'not_enrolled' };
  let response: Response;
  let json: unknown;
  try {
    response = await transport.fetch(`${transport.baseUrl}/api/v1/completion`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(transport.timeoutMs ?? 30_000),
    });
    json = await response.json().catch(() => undefined);
  } catch {
    return { kind: 'failed', failure: { kind: 'network' } };
  }
  if (response.status === 404) {
    const notCompleted = notCompletedBodySchema.safeParse(json);
    if (notCompleted.success) return { kind: 'not_completed', missing: notCompleted.data.error.missing };
  }
  if (!response.ok) {
    const error = apiErrorBodySchema.safeParse(json);
    return { kind: 'failed', failure: { kind: 'http', status: response.status, code: error.success ? error.data.error.code : `http_${response.status}` } };
  }
  const parsed = completionResponseSchema.safeParse(json);
  const record = parsed.success ? readCompletionRecord(parsed.data.record) : undefined;
  // A record for someone else would be the server's mistake; the phone keeps none of it.
  if (!parsed.success || !record || record.sub !== trainee.id) return { kind: 'failed', failure: { kind: 'bad_reply' } };
  const completion: KeptCompletion = { id: record.jti, traineeId: record.sub, jws: parsed.data.record, record, revokedAt: parsed.data.revokedAt, fetchedAt: now() };
  await db.completion.put(completion);
  return { kind: 'kept', completion };
}

/** The record to show: the enrolled trainee's, or, on a phone no longer enrolled, the last one kept. */
export async function shownCompletion(db: LearnDb): Promise<KeptCompletion | null> {
  const [trainee, kept] = await Promise.all([getMeta(db, 'trainee'), db.completion.toArray()]);
  const newestFirst = kept.sort((a, b) => b.record.iat - a.record.iat);
  if (trainee) return newestFirst.find((c) => c.traineeId === trainee.id) ?? null;
  return newestFirst[0] ?? null;
}
