// Reader preferences and reading positions live in localStorage: they belong to this phone, not
// to the trainee's synced progress. Storage can throw in private modes; the value then lasts
// for the session only.

export function readStored<T>(key: string, parse: (raw: unknown) => T | undefined): T | undefined {
  try {
    const raw = window.localStorage.getItem(key);
    return raw === null ? undefined : parse(JSON.parse(raw));
  } catch {
    return undefined;
  }
}

export function writeStored(key: string, value: unknown) {
  try {
    window.localStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* see above */
  }
}
