import {
  finalAssessmentSchema,
  glossarySchema,
  lessonSchema,
  searchIndexSchema,
  type FinalAssessment,
  type GlossaryEntry,
  type Lesson,
  type SearchIndex,
} from '../../shared/lesson.ts';
import { course, lessonSummary } from './course.ts';
import { fetchJson, LoadError } from './fetch-json.ts';

/** One lesson's text (both languages), quiz and linked terms: fetched when the lesson opens. */
export function loadLesson(id: string): Promise<Lesson> {
  const summary = lessonSummary(id);
  return summary ? fetchJson(summary.url, lessonSchema) : Promise.reject(new LoadError('not-found'));
}

export function loadGlossary(): Promise<GlossaryEntry[]> {
  return fetchJson(course.glossaryUrl, glossarySchema);
}

export function loadSearchIndex(): Promise<SearchIndex> {
  return fetchJson(course.searchUrl, searchIndexSchema);
}

/** The final assessment's question pool: precached with the lessons, so an attempt works offline. */
export function loadFinalAssessment(): Promise<FinalAssessment> {
  return fetchJson(course.finalAssessment.url, finalAssessmentSchema);
}
