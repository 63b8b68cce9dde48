import { enrolmentCodeSchema, enrolResponseSchema, type EnrolResponse } from '../shared/sync-api.ts';
import { postJson, type ApiTransport } from './api-client.ts';
import { notifyDataChange } from './changes.ts';
import { ensureDeviceId, getDb, getMeta, setMeta, type LearnDb } from './db.ts';

/** Why enrolment did not work, as a value with its i18n key in the sync namespace. */
export interface EnrolError {
  code: 'bad_format' | 'invalid_code' | 'rate_limited' | 'offline' | 'unreachable' | 'server';
  i18nKey: `sync:enrol.errors.${EnrolError['code']}`;
}

export type EnrolResult = { ok: true; trainee: EnrolResponse['trainee'] } | { ok: false; error: EnrolError };

export interface EnrolOptions {
  db?: LearnDb;
  fetch?: typeof fetch;
  baseUrl?: string;
}

const fail = (code: EnrolError['code']): EnrolResult => ({ ok: false, error: { code, i18nKey: `sync:enrol.errors.${code}` } });

/**
 * Exchanges a one-time enrolment code for this device's token and keeps both token and trainee
 * on the phone. Events recorded before enrolment stay in the outbox and sync right after. Never
 * throws.
 */
export async function enrol(code: string, options: EnrolOptions = {}): Promise<EnrolResult> {
  const db = options.db ?? getDb();
  const parsed = enrolmentCodeSchema.safeParse(code);
  if (!parsed.success) return fail('bad_format');
  if (typeof navigator !== 'undefined' && !navigator.onLine) return fail('offline');

  const transport: ApiTransport = {
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    baseUrl: options.baseUrl ?? '',
  };
  const deviceId = await ensureDeviceId(db);
  const reply = await postJson(transport, '/api/v1/enrol', { code: parsed.data, deviceId }, enrolResponseSchema);
  if (!reply.ok) {
    const f = reply.failure;
    if (f.kind === 'network') return fail('unreachable');
    if (f.kind === 'http' && f.status === 401) return fail('invalid_code');
    if (f.kind === 'http' && f.status === 429) return fail('rate_limited');
    if (f.kind === 'http' && f.code === 'validation_failed') return fail('bad_format');
    return fail('server');
  }

  const { token, trainee } = reply.value;
  await db.transaction('rw', db.meta, async () => {
    await setMeta(db, 'token', token);
    await setMeta(db, 'trainee', trainee);
    // Pull the trainee's whole history: the phone may hold another enrolment's cursor, and
    // events it already has are skipped by id.
    await setMeta(db, 'cursor', 0);
    await db.meta.delete('syncProblem');
  });
  notifyDataChange(db, 'enrolled');
  return { ok: true, trainee };
}

/** Who this phone is enrolled for, or null before enrolment (and after a revoked token). */
export async function readEnrolment(db: LearnDb = getDb()): Promise<EnrolResponse['trainee'] | null> {
  return (await getMeta(db, 'trainee')) ?? null;
}
