/** Why saving on the phone failed, as a value the UI shows through its i18n key. */
export interface DataError {
  code: 'quota_exceeded' | 'invalid_event' | 'storage_failed';
  /** A key in locales/<lng>/sync.json. */
  i18nKey: `sync:storage.${DataError['code']}`;
}

/** Turns whatever IndexedDB, Dexie or zod threw into a DataError. */
export function toDataError(error: unknown): DataError {
  // A failed parse in zod/mini throws core's $ZodError.
  const code: DataError['code'] = isQuotaError(error)
    ? 'quota_exceeded'
    : nameOf(error) === '$ZodError'
      ? 'invalid_event'
      : 'storage_failed';
  return { code, i18nKey: `sync:storage.${code}` };
}

// Dexie wraps the DOMException (`inner`), and an aborted transaction reports AbortError with
// the quota error underneath, so look down the chain.
function isQuotaError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  if (nameOf(error) === 'QuotaExceededError') return true;
  const e = error as { inner?: unknown; cause?: unknown };
  return isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1);
}

function nameOf(error: unknown): string | undefined {
  return error && typeof error === 'object' && 'name' in error ? String(error.name) : undefined;
}
