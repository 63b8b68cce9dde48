import type { TFunction } from 'i18next';
import { useEffect, useState } from 'preact/hooks';
import { i18n } from './i18n.ts';
import type { Language } from './language.ts';
import { plainString, withValues } from './with-values.ts';

/** The current `t` and language; re-renders the caller when the language changes. */
export function useTranslation() {
  const [lng, setLng] = useState(i18n.language as Language);
  useEffect(() => {
    const onChange = (next: string) => setLng(next as Language);
    i18n.on('languageChanged', onChange);
    return () => i18n.off('languageChanged', onChange);
  }, []);
  return { t: translator(lng), lng };
}

/*
 * i18next's `t` resolves a key in 40-60 µs (namespaces, fallbacks, nesting, plurals), and the
 * home screen's first render makes about a hundred calls: a tenth of that render on a desktop
 * CPU. A string without options is the same every time until the strings change, so it is looked
 * up once per language; it and a call with values to put in take a shorter way (with-values.ts),
 * and anything else (nesting, context, placeholders left empty, several keys) goes to i18next.
 */
let plain = new Map<string, string>();
let plainStore: unknown;
const translators = new Map<string, TFunction>();

/** The remembered strings, for the strings i18next holds now. */
function plainStrings(): Map<string, string> {
  // Each init makes a new store. English arrives later (i18n.ts: setLanguage), and a key missing
  // in one language falls back to another: any added or removed strings can change a key's text.
  if (plainStore !== i18n.store) {
    plainStore = i18n.store;
    const strings = (plain = new Map());
    i18n.store.on('added', () => strings.clear());
    i18n.store.on('removed', () => strings.clear());
  }
  return plain;
}

function translator(lng: Language): TFunction {
  let t = translators.get(lng);
  if (!t) {
    const fixed = i18n.getFixedT(lng);
    t = ((...args: Parameters<TFunction>) => {
      const [key, options] = args;
      if (typeof key !== 'string') return fixed(...args);
      if (args.length === 2 && typeof options === 'object' && options !== null && !Array.isArray(options)) {
        return withValues(i18n, lng, key, options as Record<string, unknown>) ?? fixed(...args);
      }
      if (args.length !== 1) return fixed(...args);
      const strings = plainStrings();
      const cacheKey = `${lng}:${key}`;
      let text = strings.get(cacheKey);
      if (text === undefined) {
        text = plainString(i18n, lng, key) ?? fixed(key);
        strings.set(cacheKey, text);
      }
      return text;
    }) as TFunction;
    translators.set(lng, t);
  }
  return t;
}
