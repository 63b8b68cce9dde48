import type { Bilingual, LessonSummary, SearchDoc } from '../../../shared/lesson.ts';
import type { LessonProgress } from '../../../shared/progress.ts';
import { fold, queryWords } from '../../../shared/search.ts';

/** A bookmark or a note, with what the list shows and where it opens. */
export interface SavedItem {
  kind: 'bookmark' | 'note';
  lesson: LessonSummary;
  /** The bookmarked section: its id, its place in the lesson (1, 2, …) and its title when known. */
  section?: { id: string; number: number; title?: Bilingual | undefined } | undefined;
  note?: string | undefined;
  /** Opens the lesson at the bookmarked section, or at the note. */
  href: string;
}

/** Section titles by "lessonId/sectionId", from the search index (which has each section's title in both languages). */
export function sectionTitles(docs: readonly SearchDoc[]): Map<string, Bilingual> {
  const titles = new Map<string, Partial<Bilingual>>();
  for (const doc of docs) {
    if (doc.kind !== 'section' || !doc.lessonId) continue;
    const key = `${doc.lessonId}/${doc.id}`;
    titles.set(key, { ...titles.get(key), [doc.lang]: doc.title });
  }
  return new Map([...titles].filter((e): e is [string, Bilingual] => !!e[1].vi && !!e[1].en));
}

/** Every bookmark and note, in course order: a lesson's bookmarks in section order, then its note. */
export function savedItems(lessons: readonly LessonSummary[], progress: Record<string, LessonProgress>, titles?: Map<string, Bilingual>): SavedItem[] {
  return lessons.flatMap((lesson) => {
    const p = progress[lesson.id];
    if (!p) return [];
    const bookmarks: SavedItem[] = lesson.sectionIds.flatMap((id, i) =>
      p.bookmarks.includes(id)
        ? [{ kind: 'bookmark' as const, lesson, section: { id, number: i + 1, title: titles?.get(`${lesson.id}/${id}`) }, href: `/lessons/${lesson.id}?section=${encodeURIComponent(id)}` }]
        : [],
    );
    const note: SavedItem[] = p.note ? [{ kind: 'note', lesson, note: p.note, href: `/lessons/${lesson.id}?at=note` }] : [];
    return [...bookmarks, ...note];
  });
}

/**
 * The items whose lesson title, section title (either language) or note contain every word of
 * the query, each at the start of a word, ignoring tone marks and case: "dich vu" finds "dịch vụ".
 */
export function filterSaved(items: readonly SavedItem[], query: string): SavedItem[] {
  const words = queryWords(query);
  if (words.length === 0) return [...items];
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const patterns = words.map((w) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(w)}`, 'u'));
  return items.filter((item) => {
    const text = fold(
      [item.lesson.title.vi, item.lesson.title.en, item.section?.title?.vi, item.section?.title?.en, item.note].filter(Boolean).join(' \n ').normalize('NFC'),
    );
    return patterns.every((p) => p.test(text));
  });
}
