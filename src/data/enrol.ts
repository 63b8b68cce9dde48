import { enrolmentCodeSchema, enrolResponseSchema, type EnrolResponse } from '../shared/sync-api.ts';
import { appStore, type LocalStore } from './local-store.ts';
import { isOnline } from './network.ts';
import { ensureDeviceId, setMeta } from './store/learn-db.ts';
import { postJson, type ApiTransport } from './sync/api-client.ts';

/** Why enrolment did not work, as a value with its i18n key in the sync namespace. */
export interface EnrolError {
  code: 'bad_format' | 'invalid_code' | 'rate_limited' | 'offline' | 'unreachable' | 'server';
  i18nKey: `sync:enrol.errors.${EnrolError['code']}`;
}

export type EnrolResult = { ok: true; trainee: EnrolResponse['trainee'] } | { ok: false; error: EnrolError };

export interface EnrolOptions {
  /** The app's store by default. */
  store?: LocalStore;
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
  const store = options.store ?? appStore();
  const { db } = store;
  const parsed = enrolmentCodeSchema.safeParse(code);
  if (!parsed.success) return fail('bad_format');
  if (!isOnline()) return fail('offline');

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
  store.changes.emit({ kind: 'enrolled' });
  return { ok: true, trainee };
}
