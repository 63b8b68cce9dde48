import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { NAVIGATION_HINTS_FILE, navigationHintsSchema, type NavigationHints } from '../../shared/navigation-hints.ts';
import { preferredLanguage } from '../../shared/preferred-language.ts';

/** The Link header for a page's HTML: the files its code will fetch next; undefined if none. */
type LinkFor = (path: string, acceptLanguage: string | undefined) => string | undefined;

const none: NavigationHints = { paths: {}, english: [] };

/**
 * Reads the build's navigation hints; a build without them (or no build) gets no Link headers.
 * They are read again when the file changes, as index.html is: a new build copied over a
 * running server must not send the old build's file names.
 */
export function loadNavigationHints(root: string): LinkFor {
  const file = join(root, NAVIGATION_HINTS_FILE);
  let read: { mtimeMs: number; hints: NavigationHints } | undefined;
  const current = (): NavigationHints => {
    const mtimeMs = statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? -1;
    if (read?.mtimeMs !== mtimeMs) {
      try {
        read = { mtimeMs, hints: mtimeMs < 0 ? none : navigationHintsSchema.parse(JSON.parse(readFileSync(file, 'utf8'))) };
      } catch {
        return none; // half copied, or not ours: the page still opens, just without hints; read again next time
      }
    }
    return read.hints;
  };
  return (path, acceptLanguage) => {
    const hints = current();
    const links = [
      ...(hints.paths[path.replace(/(.)\/$/, '$1')] ?? []),
      // The app picks English by the same rule from the phone's languages, unless the trainee chose.
      ...(preferredLanguage(acceptedLanguages(acceptLanguage)) === 'en' ? hints.english : []),
    ];
    return links.length ? links.join(', ') : undefined;
  };
}

/** The tags of an Accept-Language header, most preferred first ("vi;q=0.8, en" → en, vi). */
export function acceptedLanguages(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined) ?? 1);
      return { tag: tag.trim(), q: Number.isNaN(q) ? 0 : q, i };
    })
    .filter(({ tag, q }) => tag && q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map(({ tag }) => tag);
}
