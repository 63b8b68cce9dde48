/*
 * localStorage, guarded: it throws in private modes, when disabled and in sandboxed pages, and
 * on a full quota. What is kept there (the language, reader preferences, reading places, events
 * waiting to be stored) then lasts for the session only.
 */

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** The page's localStorage, or undefined where the page may not use it. */
export function browserStorage(): KeyValueStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // a sandboxed page throws on merely reading localStorage
  }
}

/** The JSON value under `key`, parsed by `parse`; undefined when absent, unreadable or refused. */
export function readStored<T>(key: string, parse: (raw: unknown) => T | undefined): T | undefined {
  try {
    const raw = browserStorage()?.getItem(key);
    return raw === null || raw === undefined ? undefined : parse(JSON.parse(raw));
  } catch {
    return undefined;
  }
}

/** Stores `value` as JSON under `key`; a refusal leaves it unstored. */
export function writeStored(key: string, value: unknown): void {
  try {
    browserStorage()?.setItem(key, JSON.stringify(value));
  } catch {
    // full or forbidden: see above
  }
}
