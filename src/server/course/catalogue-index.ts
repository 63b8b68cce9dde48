import type { Catalogue } from '../../shared/catalogue.ts';

export interface LessonIndex {
  sections: Set<string>;
  /** Question id → its option ids. */
  questions: Map<string, Set<string>>;
}

/** The catalogue with lookups built once, so each event is placed in constant time. */
export interface CatalogueIndex {
  catalogue: Catalogue;
  lessons: Map<string, LessonIndex>;
}

/** The course as the server knows it at this moment: a new build copied over may change it. */
export type CurrentCatalogue = () => CatalogueIndex;

export function indexCatalogue(catalogue: Catalogue): CatalogueIndex {
  return {
    catalogue,
    lessons: new Map(
      catalogue.lessons.map((lesson) => [
        lesson.id,
        {
          sections: new Set(lesson.sections),
          questions: new Map(lesson.questions.map((q) => [q.id, new Set(q.options)])),
        },
      ]),
    ),
  };
}
