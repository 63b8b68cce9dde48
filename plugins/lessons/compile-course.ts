import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  FINAL_ASSESSMENT_ID,
  glossarySchema,
  type FinalAssessment,
  type GlossaryEntry,
  type Lesson,
  type SearchIndex,
} from '../../src/shared/lesson.ts';
import type { FigureSources } from './check-figures.ts';
import { checkRepeatedPrompts } from './check-duplicates.ts';
import { duplicates } from './check-quiz.ts';
import { checkPieces, type TextPiece } from './check-text.ts';
import { displayPath, Problems } from './content-error.ts';
import { compileFinalAssessment } from './compile-final-assessment.ts';
import { checkLessonFormerIds } from './former-ids.ts';
import { compileLesson, type CompiledLesson } from './compile-lesson.ts';
import { readYamlFile } from './read-source.ts';
import { buildSearchIndex } from './search-index.ts';

export { ContentError } from './content-error.ts';

export interface Course {
  lessons: Lesson[];
  glossary: GlossaryEntry[];
  search: SearchIndex;
  /** The pool of the final assessment (content/final-assessment.yaml), each question on one lesson. */
  finalAssessment: FinalAssessment;
  /** Each lesson's image files, by lesson id: published path → source file. */
  images: Map<string, Map<string, string>>;
  /** Worth telling the author, not worth failing the build (a glossary term no lesson links). */
  warnings: string[];
}

/**
 * Reads, validates and renders everything in `contentDir` (content/lessons/*, glossary.yaml,
 * final-assessment.yaml).
 * Throws a ContentError listing every problem, each naming its file, when anything is wrong.
 */
export function compileCourse(contentDir: string): Course {
  const problems = new Problems();
  const glossaryFile = join(contentDir, 'glossary.yaml');
  const glossary = existsSync(glossaryFile) ? readGlossary(glossaryFile, problems) : (problems.add(glossaryFile, 'is missing'), []);
  const byId = new Map(glossary.map((g) => [g.id, g]));

  const lessonsDir = join(contentDir, 'lessons');
  const folders = existsSync(lessonsDir)
    ? readdirSync(lessonsDir).filter((f) => statSync(join(lessonsDir, f)).isDirectory()).sort()
    : [];
  if (folders.length === 0) problems.add(lessonsDir, 'has no lesson folders');
  const compiled = folders
    .map((f) => compileLesson(join(lessonsDir, f), byId, problems))
    .filter((c): c is CompiledLesson => c !== undefined)
    .sort((a, b) => a.lesson.order - b.lesson.order);

  const lessons = compiled.map((c) => c.lesson);
  for (const id of duplicates(lessons.map((l) => l.id))) problems.add(lessonsDir, `lesson id "${id}" is used by more than one folder`);
  for (const order of duplicates(lessons.map((l) => String(l.order)))) problems.add(lessonsDir, `lesson order ${order} is used by more than one folder`);
  if (lessons.some((l) => l.id === FINAL_ASSESSMENT_ID)) {
    problems.add(lessonsDir, `lesson id "${FINAL_ASSESSMENT_ID}" is reserved: the final assessment's attempts are recorded under it`);
  }

  // Lessons by the id in their folder's name, so a question on a lesson that failed to compile
  // is not also reported as naming no lesson.
  const lessonFigures = new Map<string, FigureSources | undefined>(folders.map((f) => [f.replace(/^\d{2}-/, ''), undefined]));
  for (const c of compiled) lessonFigures.set(c.lesson.id, c.figures);
  const finalFile = join(contentDir, 'final-assessment.yaml');
  const finalAssessment = compileFinalAssessment(finalFile, lessonFigures, problems);
  checkRepeatedPrompts(
    [
      ...compiled.map((c) => ({ file: c.quizFile, questions: c.lesson.quiz.questions })),
      ...(finalAssessment ? [{ file: finalFile, questions: finalAssessment.questions }] : []),
    ],
    problems,
  );
  checkLessonFormerIds(lessonsDir, lessons, problems);
  problems.throwIfAny();

  const linked = new Set(lessons.flatMap((l) => l.terms.map((t) => t.id)));
  const warnings = glossary
    .filter((g) => !linked.has(g.id))
    .map((g) => `${displayPath(glossaryFile)}: term "${g.id}" is not linked from any lesson`);
  const images = new Map(compiled.map((c) => [c.lesson.id, c.images]));
  // Defined: a missing or unreadable final-assessment.yaml is a problem, thrown above.
  return { lessons, glossary, search: buildSearchIndex(compiled, glossary), finalAssessment: finalAssessment!, images, warnings };
}

function readGlossary(file: string, problems: Problems): GlossaryEntry[] {
  const raw = readYamlFile(file, problems);
  if (raw === undefined) return [];
  const parsed = glossarySchema.safeParse(raw);
  if (!parsed.success) {
    problems.addZod(file, parsed.error, 'glossary');
    return [];
  }
  for (const id of duplicates(parsed.data.map((g) => g.id))) problems.add(file, `term id "${id}" is used more than once`);
  const pieces = parsed.data.flatMap((g): TextPiece[] =>
    (['vi', 'en'] as const).flatMap((lang) => [
      { where: `term "${g.id}" ${lang} term`, lang, text: g[lang].term },
      { where: `term "${g.id}" ${lang} definition`, lang, text: g[lang].definition },
    ]),
  );
  // The glossary cites no sources, so it holds no figures.
  checkPieces(file, pieces, new Map(), 'a lesson', problems);
  return parsed.data;
}
