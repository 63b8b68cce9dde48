/** One language's UI strings: namespace (the file name in locales/<lng>/) → keys. */
export type Strings = Record<string, Record<string, unknown>>;

/** Groups `import.meta.glob` results for locales/<lng>/*.json by namespace. */
export function byNamespace(files: Record<string, Record<string, unknown>>): Strings {
  return Object.fromEntries(Object.entries(files).map(([path, strings]) => [path.match(/([\w-]+)\.json$/)![1]!, strings]));
}
