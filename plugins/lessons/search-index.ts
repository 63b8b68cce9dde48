import { courseLanguages, type GlossaryEntry, type SearchDoc, type SearchIndex } from '../../src/shared/lesson.ts';
import type { CompiledLesson } from './compile-lesson.ts';

/**
 * One document per lesson (title and summary), section and glossary entry, per language. The
 * text is kept as written; src/shared/search.ts folds diacritics on the phone, so the index stays
 * one copy of the words and highlights land on the original letters.
 */
export function buildSearchIndex(lessons: CompiledLesson[], glossary: GlossaryEntry[]): SearchIndex {
  const docs: SearchDoc[] = [];
  for (const { lesson, sectionText } of lessons) {
    for (const lang of courseLanguages) {
      docs.push({ kind: 'lesson', lang, lessonId: lesson.id, id: lesson.id, title: lesson.title[lang], text: lesson.summary[lang] });
      lesson.sections.forEach((s, i) => {
        docs.push({ kind: 'section', lang, lessonId: lesson.id, id: s.id, title: s.title[lang], text: sectionText[lang][i] ?? '' });
      });
    }
  }
  for (const g of glossary) {
    for (const lang of courseLanguages) docs.push({ kind: 'term', lang, id: g.id, title: g[lang].term, text: g[lang].definition });
  }
  return { docs };
}
