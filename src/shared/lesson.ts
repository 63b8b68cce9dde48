import * as z from 'zod/mini';
import { courseIdSchema } from './course-id-schema.ts';

/**
 * The compiled course as the phone receives it (built from content/ by plugins/lessons). The
 * same schemas validate the author's YAML where the shapes agree, so a field is defined once.
 */

export const courseLanguages = ['vi', 'en'] as const;
export type CourseLanguage = (typeof courseLanguages)[number];

/**
 * The longest note a trainee may keep on a lesson, in UTF-16 code units (what a textarea's
 * maxLength and zod's maxLength both count). Here, not in events.ts, so that the note's textarea
 * does not build every event schema on the way to a lesson's first paint.
 */
export const NOTE_MAX_LENGTH = 5000;

/** Author-written text: trimmed first, so a blank line counts as missing. */
const textSchema = z.string().check(z.trim(), z.minLength(1));

/** A string in both languages. */
export const bilingualSchema = z.object({ vi: textSchema, en: textSchema });
export type Bilingual = z.infer<typeof bilingualSchema>;

export const quizOptionSchema = z.object({
  id: courseIdSchema,
  vi: textSchema,
  en: textSchema,
  correct: z._default(z.boolean(), false),
});

export const quizQuestionSchema = z.object({
  id: courseIdSchema,
  kind: z.enum(['single', 'multiple']),
  prompt: bilingualSchema,
  options: z.array(quizOptionSchema).check(z.minLength(2)),
  explanation: bilingualSchema,
});
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;

export const quizSchema = z.object({
  /** Share of questions to answer right, 0..1. */
  passMark: z._default(z.number().check(z.gt(0), z.lte(1)), 0.7),
  questions: z.array(quizQuestionSchema).check(z.minLength(1)),
});
export type Quiz = z.infer<typeof quizSchema>;

/**
 * The final assessment (bài kiểm tra cuối khóa): a pool of questions, each on one lesson, from
 * which every attempt draws `draw` stratified by lesson (src/shared/final-draw.ts). Its attempts
 * are `quiz_answered` events whose lessonId is FINAL_ASSESSMENT_ID: the server's catalogue lists
 * it as a lesson with no sections, so they sync and merge like any quiz (every attempt kept,
 * best score).
 */
export const FINAL_ASSESSMENT_ID = 'final-assessment';

export const finalQuestionSchema = z.extend(quizQuestionSchema, {
  /** The id of the lesson the question draws on. */
  lesson: courseIdSchema,
});
export type FinalQuestion = z.infer<typeof finalQuestionSchema>;

const finalSettings = {
  /** Share of the drawn questions to answer right, 0..1. */
  passMark: z.number().check(z.gt(0), z.lte(1)),
  /** How many questions one attempt asks. */
  draw: z.number().check(z.int(), z.positive()),
};

export const finalAssessmentSchema = z.object({
  ...finalSettings,
  questions: z.array(finalQuestionSchema).check(z.minLength(1)),
});
export type FinalAssessment = z.infer<typeof finalAssessmentSchema>;

const glossarySideSchema = z.object({ term: textSchema, definition: textSchema });
export const glossaryEntrySchema = z.object({ id: courseIdSchema, vi: glossarySideSchema, en: glossarySideSchema });
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;
export const glossarySchema = z.array(glossaryEntrySchema);

export const sourceSchema = z.object({
  seed: z.string().check(z.regex(/^\d{3}$/, 'expected a three-digit seed number in quotes')),
  title: textSchema,
  published: z.optional(z.iso.date()),
});

/** One top-level block (paragraph, list, quote) in both languages: sanitised HTML. */
export const blockPairSchema = z.object({ vi: z.string(), en: z.string() });

export const sectionSchema = z.object({
  id: courseIdSchema,
  title: bilingualSchema,
  blocks: z.array(blockPairSchema).check(z.minLength(1)),
  /** Words in the longer language: how long the section takes to read. */
  words: z.number().check(z.int(), z.nonnegative()),
});
export type Section = z.infer<typeof sectionSchema>;

/** What the course list needs of a lesson, loaded up front (no lesson text). */
export const lessonSummarySchema = z.object({
  id: courseIdSchema,
  order: z.number().check(z.int(), z.positive()),
  minutes: z.number().check(z.positive()),
  title: bilingualSchema,
  summary: bilingualSchema,
  sectionIds: z.array(courseIdSchema).check(z.minLength(1)),
  /** Where the lesson's JSON is; the name changes with its content, so it is never stale. */
  url: z.string(),
  /** The lesson's pictures, named the same way: what "available offline" also needs. */
  images: z.array(z.string()),
  /** Ids this lesson had in earlier versions of the course: their progress counts here (course-ids.ts). */
  formerIds: z.optional(z.array(courseIdSchema)),
  /** A former section id → the section's id now. */
  formerSectionIds: z.optional(z.record(courseIdSchema, courseIdSchema)),
});
export type LessonSummary = z.infer<typeof lessonSummarySchema>;

/** One lesson, both languages and its quiz: fetched when the lesson opens. */
export const lessonSchema = z.extend(z.omit(lessonSummarySchema, { sectionIds: true, url: true, images: true }), {
  sources: z.object({ vi: z.array(sourceSchema), en: z.array(sourceSchema) }),
  sections: z.array(sectionSchema).check(z.minLength(1)),
  quiz: quizSchema,
  /** The glossary entries this lesson links to, so a tapped term needs no second fetch. */
  terms: z.array(glossaryEntrySchema),
});
export type Lesson = z.infer<typeof lessonSchema>;

export const courseIndexSchema = z.object({
  /** Changes with any content change: a short hash of everything compiled. */
  version: z.string(),
  lessons: z.array(lessonSummarySchema),
  glossaryUrl: z.string(),
  searchUrl: z.string(),
  /** Where the final assessment's pool is (hashed like the lessons), and how an attempt is made. */
  finalAssessment: z.object({ url: z.string(), ...finalSettings }),
});
export type CourseIndex = z.infer<typeof courseIndexSchema>;

/**
 * The search index: one document per lesson (title and summary), section or glossary entry,
 * per language, as plain text. Folding for diacritics happens on the phone (src/shared/search.ts)
 * so highlights can point into the original text.
 */
export const searchDocSchema = z.object({
  kind: z.enum(['lesson', 'section', 'term']),
  lang: z.enum(courseLanguages),
  lessonId: z.optional(courseIdSchema),
  /** Lesson id, section id, or glossary id for a term. */
  id: courseIdSchema,
  /** Lesson title, section heading or the glossary term. */
  title: z.string(),
  text: z.string(),
});
export type SearchDoc = z.infer<typeof searchDocSchema>;
export const searchIndexSchema = z.object({ docs: z.array(searchDocSchema) });
export type SearchIndex = z.infer<typeof searchIndexSchema>;
