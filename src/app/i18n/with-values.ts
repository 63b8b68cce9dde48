import type { i18n as I18n } from 'i18next';

/**
 * i18next's options that change which string is found or how it is built: a call with any of
 * them is left to i18next. The rest of a call's options are values to put in.
 */
const i18nextOptions = new Set([
  'appendNamespaceToCIMode',
  'context',
  'defaultValue',
  'fallbackLng',
  'interpolation',
  'joinArrays',
  'keyPrefix',
  'keySeparator',
  'lng',
  'lngs',
  'nest',
  'ns',
  'nsSeparator',
  'ordinal',
  'postProcess',
  'replace',
  'returnDetails',
  'returnObjects',
  'skipInterpolation',
]);

/**
 * CLDR's cardinal plural rules of the app's two languages: Vietnamese has one form, English's
 * "one" is 1 (and -1). Making an Intl.PluralRules loads the language's data, a few milliseconds
 * of a page's first render; any other language (none is supported today) still asks Intl.
 */
export const knownPluralRules: Record<string, (count: number) => Intl.LDMLPluralRule> = {
  vi: () => 'other',
  en: (count) => (Math.abs(count) === 1 ? 'one' : 'other'),
};
const pluralOf = (lng: string, count: number) => knownPluralRules[lng]?.(count) ?? new Intl.PluralRules(lng).select(count);

/**
 * A string with values put in (`{{title}}`, a `count` and its plural form), found and filled the
 * way i18next's `t` does it (see `lookup`), filled in by i18next's own interpolator. Undefined
 * when i18next must answer: other options, a key not found as a string, or nesting (`$t(…)`).
 *
 * Why: i18next's path from key to string is long and, on a page's first render, cold. Thirty
 * such calls took 10 to 13 ms in Node against 3 to 5 ms done here; the home screen's first render
 * makes dozens of them (minutes, progress labels, lesson numbers).
 */
export function withValues(i18n: I18n, lng: string, key: string, options: Record<string, unknown>): string | undefined {
  for (const [name, value] of Object.entries(options)) {
    if (i18nextOptions.has(name) || name.startsWith('defaultValue') || (typeof value !== 'string' && typeof value !== 'number')) return undefined;
  }
  const found = lookup(i18n, lng, key, options.count);
  return found === undefined ? undefined : i18n.services.interpolator.interpolate(found, options, lng, options);
}

/**
 * A string without values, as i18next's `t(key)` gives it; undefined when i18next must answer:
 * not found as a string, nesting, or a placeholder (which i18next leaves or empties by its settings).
 */
export function plainString(i18n: I18n, lng: string, key: string): string | undefined {
  const found = lookup(i18n, lng, key, undefined);
  return found === undefined || found.includes(i18n.options.interpolation?.prefix ?? '{{') ? undefined : found;
}

/**
 * The string for a key, found as i18next finds it: in the language and then its fallback, the
 * `_zero` form for a count of 0, then the count's plural form, then the bare key. Undefined for a
 * key without a namespace to look in, not found as a string, or nesting (`$t(…)`).
 */
function lookup(i18n: I18n, lng: string, key: string, count: unknown): string | undefined {
  const { nsSeparator = ':', pluralSeparator = '_', defaultNS } = i18n.options;
  const separator = typeof nsSeparator === 'string' ? nsSeparator : '';
  const at = separator ? key.indexOf(separator) : -1;
  const ns = at > 0 ? key.slice(0, at) : typeof defaultNS === 'string' ? defaultNS : undefined;
  if (ns === undefined) return undefined;
  const path = at > 0 ? key.slice(at + separator.length) : key;
  const codes: string[] = i18n.services.languageUtils.toResolveHierarchy(lng);
  for (const code of codes) {
    const forms =
      typeof count === 'number'
        ? [...(count === 0 ? [`${path}${pluralSeparator}zero`] : []), `${path}${pluralSeparator}${pluralOf(code, count)}`, path]
        : [path];
    for (const form of forms) {
      const found: unknown = i18n.getResource(code, ns, form);
      if (typeof found !== 'string') continue;
      return found.includes('$t(') ? undefined : found;
    }
  }
  return undefined;
}
