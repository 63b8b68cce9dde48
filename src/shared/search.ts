import type { SearchDoc } from './lesson.ts';

/**
 * Diacritic- and case-insensitive search over the course, fully offline. Trainees often type
 * Vietnamese without tone marks on a phone keyboard: "chinh phu dien tu" must find "Chính phủ
 * điện tử", and "đ" must match "d" (đ is a letter of its own, not d plus a mark, so Unicode
 * decomposition alone would miss it).
 */

const cache = new Map<string, string>();

function foldChar(ch: string): string {
  let out = cache.get(ch);
  if (out === undefined) {
    const folded = ch.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/đ/g, 'd');
    // One code unit in, one out, so an offset in the folded text is an offset in the original
    // (highlighting depends on it); a character that would fold to more or fewer stays as is.
    out = folded.length === 1 ? folded : ch;
    cache.set(ch, out);
  }
  return out;
}

/** Lower case without diacritics, the same length as `text` (NFC), offset for offset. */
export function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldChar(text[i]!);
  return out;
}

/** The words of a query, folded: punctuation and spaces only separate words. */
export function queryWords(query: string): string[] {
  return fold(query.normalize('NFC'))
    .replace(/\p{M}+/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const edgeBefore = '(?<![\\p{L}\\p{N}])';
const edgeAfter = '(?![\\p{L}\\p{N}])';

/**
 * Words match whole words, so "tu" does not find "tuần"; only a last word of four letters or
 * more may match the start of a longer word ("cyber" finds "cybersecurity"), which helps while
 * typing without flooding short queries with chance matches.
 */
function wordPattern(word: string, last: boolean): string {
  return escape(word) + (last && word.length >= 4 ? '' : edgeAfter);
}

export interface Range {
  start: number;
  end: number;
}

export interface Matches {
  /** The whole phrase's occurrences if it is there, else every single word's. */
  ranges: Range[];
  phrase: boolean;
  /** Which query words occur at all (a document needs each one somewhere). */
  found: boolean[];
}

/** Where the query's words occur in `text`. */
export function findMatches(text: string, words: string[]): Matches {
  if (words.length === 0) return { ranges: [], phrase: false, found: [] };
  const folded = fold(text);
  const collect = (source: string) =>
    [...folded.matchAll(new RegExp(source, 'gu'))].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const each = words.map((w, i) => collect(edgeBefore + wordPattern(w, i === words.length - 1)));
  const found = each.map((r) => r.length > 0);
  if (words.length > 1 && found.every(Boolean)) {
    const phrase = collect(edgeBefore + words.map((w, i) => wordPattern(w, i === words.length - 1)).join('[^\\p{L}\\p{N}]+'));
    if (phrase.length > 0) return { ranges: phrase, phrase: true, found };
  }
  return { ranges: each.flat().sort((a, b) => a.start - b.start), phrase: words.length === 1 && found[0]!, found };
}

export interface Snippet {
  /** Pieces of the original text in order; `hit` pieces are what matched. */
  parts: Array<{ text: string; hit: boolean }>;
}

/** A short excerpt around the first match, split into highlighted and plain pieces. */
export function snippet(text: string, ranges: Range[], radius = 70): Snippet {
  const first = ranges[0];
  let from = first ? Math.max(0, first.start - radius) : 0;
  let to = first ? Math.min(text.length, first.end + radius * 2) : Math.min(text.length, radius * 3);
  // Cut at word edges so the excerpt never starts or ends mid-word.
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  if (to < text.length) to = text.lastIndexOf(' ', to) > (first?.end ?? 0) ? text.lastIndexOf(' ', to) : to;
  const parts: Snippet['parts'] = [];
  let at = from;
  for (const r of ranges) {
    if (r.end <= from || r.start >= to || r.start < at) continue;
    if (r.start > at) parts.push({ text: text.slice(at, r.start), hit: false });
    parts.push({ text: text.slice(r.start, Math.min(r.end, to)), hit: true });
    at = Math.min(r.end, to);
  }
  if (at < to) parts.push({ text: text.slice(at, to), hit: false });
  if (from > 0) parts.unshift({ text: '… ', hit: false });
  if (to < text.length) parts.push({ text: ' …', hit: false });
  return { parts };
}

export interface SearchResult {
  doc: SearchDoc;
  title: Snippet;
  excerpt: Snippet;
  score: number;
}

/** Finds documents (title and text together) containing every word of the query, best first (phrase and title hits rank higher). */
export function search(docs: readonly SearchDoc[], query: string, limit = 50): SearchResult[] {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const results: SearchResult[] = [];
  for (const doc of docs) {
    const inTitle = findMatches(doc.title, words);
    const inText = findMatches(doc.text, words);
    const hasAll = words.every((_, i) => inTitle.found[i] || inText.found[i]);
    if (!hasAll) continue;
    const score =
      (inTitle.phrase ? 20 : inTitle.ranges.length ? 8 : 0) +
      (inText.phrase ? 10 : 0) +
      Math.min(inText.ranges.length, 10) +
      (doc.kind === 'term' && inTitle.ranges.length ? 5 : 0) +
      // The entry that is exactly what was typed ("chinh phu dien tu" → "Chính phủ điện tử") first.
      (queryWords(doc.title).join(' ') === words.join(' ') ? 30 : 0);
    results.push({
      doc,
      title: snippet(doc.title, inTitle.ranges, 1000),
      excerpt: snippet(doc.text, inText.ranges),
      score,
    });
  }
  return results.sort((a, b) => b.score - a.score).slice(0, limit);
}
