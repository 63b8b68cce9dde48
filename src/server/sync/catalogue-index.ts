import type { Catalogue } from '../../shared/catalogue.ts';

export interface LessonIndex {
  sections: Set<string>;
  /** Question id → its option ids. */
  questions: Map<string, Set<string>>;
}

/** The catalogue as lookups, built once at start so each event is checked in constant time. */
export type CatalogueIndex = Map<string, LessonIndex>;

export function indexCatalogue(catalogue: Catalogue): CatalogueIndex {
  return new Map(
    catalogue.lessons.map((lesson) => [
      lesson.id,
      {
        sections: new Set(lesson.sections),
        questions: new Map(lesson.questions.map((q) => [q.id, new Set(q.options)])),
      },
    ]),
  );
}
