import { certificateStatusSchema } from '../../shared/completion/completion-api.ts';
import { type KeySet, KEYS_PATH, keySetSchema } from '../../shared/completion/public-keys.ts';
import { type RegisterAnswer, type Verification, verifyCompletionRecord, withRevocation } from '../../shared/completion/verify-record.ts';
import { isOnline } from '../network.ts';

/*
 * Checking a completion record on the verify page: the published keys, the signature (WebCrypto,
 * in the browser), then the register's word on revocation. No Dexie here, so the verify page can
 * import it directly without waiting for the data layer.
 */

export interface VerifyOptions {
  fetch?: typeof fetch;
  baseUrl?: string;
  /** WebCrypto's SubtleCrypto: undefined outside a secure context (plain http), which cannot check. */
  subtle?: SubtleCrypto | undefined;
}

/** Checks a record as the verify page shows it; never throws. */
export async function verifyRecordOnline(jws: string, options: VerifyOptions = {}): Promise<Verification> {
  const get = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));
  const base = options.baseUrl ?? '';
  const subtle = 'subtle' in options ? options.subtle : globalThis.crypto?.subtle;
  if (!subtle) return { verdict: 'unchecked', reason: 'unsupported' };

  // The service worker answers offline with the keys it keeps.
  let keys = await loadKeys(get, base, 'default');
  if (!keys) return { verdict: 'unchecked', reason: 'no_keys' };
  let result = await verifyCompletionRecord(jws, keys.keys, subtle);
  if (result.verdict === 'invalid' && result.reason === 'unknown_key') {
    // A key rotated since the keys were cached: ask the server itself before saying "unknown".
    const fresh = await loadKeys(get, base, 'no-cache');
    if (fresh) result = await verifyCompletionRecord(jws, fresh.keys, subtle);
  }
  if (result.verdict !== 'valid') return result;
  return withRevocation(result, await askRegister(get, base, result.record.jti));
}

async function loadKeys(get: typeof fetch, base: string, cache: RequestCache): Promise<KeySet | undefined> {
  try {
    const response = await get(`${base}${KEYS_PATH}`, { cache });
    if (!response.ok) return undefined;
    const parsed = keySetSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

async function askRegister(get: typeof fetch, base: string, id: string): Promise<RegisterAnswer> {
  if (!isOnline()) return 'unreachable';
  try {
    const response = await get(`${base}/api/v1/certificates/${encodeURIComponent(id)}/status`, { cache: 'no-store' });
    if (response.status === 404) return 'unlisted';
    const parsed = certificateStatusSchema.safeParse(response.ok ? await response.json() : undefined);
    return parsed.success && parsed.data.id === id ? { status: parsed.data.status } : 'unreachable';
  } catch {
    return 'unreachable';
  }
}

/**
 * The record carried by what a verifier has in hand: a /verify#… link or the record itself, with
 * the percent-escapes some QR readers add undone. '' when there is none.
 */
export function recordFromInput(text: string): string {
  const trimmed = text.trim();
  const hash = trimmed.indexOf('#');
  const record = hash >= 0 ? trimmed.slice(hash + 1) : trimmed;
  try {
    return decodeURIComponent(record).trim();
  } catch {
    return record;
  }
}
