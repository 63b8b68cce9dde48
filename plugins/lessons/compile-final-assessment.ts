import { existsSync } from 'node:fs';
import { finalAssessmentSchema, type FinalAssessment } from '../../src/shared/lesson.ts';
import type { FigureSources } from './check-figures.ts';
import { checkQuestions, questionName } from './check-quiz.ts';
import { checkPieces, questionPieces } from './check-text.ts';
import type { Problems } from './content-error.ts';
import { readYamlFile } from './read-source.ts';

/**
 * Reads and checks content/final-assessment.yaml: each question obeys the quiz rules, names a
 * lesson of the course, and uses only that lesson's declared figures; every lesson has at least
 * one question (the draw is stratified by lesson) and the pool holds at least `draw` questions.
 * Returns undefined when the file is missing or cannot be parsed.
 */
export function compileFinalAssessment(
  file: string,
  /** Every lesson of the course by id, with its figures (undefined when the lesson did not compile). */
  lessonFigures: ReadonlyMap<string, FigureSources | undefined>,
  problems: Problems,
): FinalAssessment | undefined {
  if (!existsSync(file)) {
    problems.add(file, 'is missing');
    return undefined;
  }
  const raw = readYamlFile(file, problems);
  if (raw === undefined) return undefined;
  const parsed = finalAssessmentSchema.safeParse(raw);
  if (!parsed.success) {
    problems.addZod(file, parsed.error, 'final assessment');
    return undefined;
  }
  const assessment = parsed.data;
  checkQuestions(file, assessment.questions, problems);
  assessment.questions.forEach((q, i) => {
    if (!lessonFigures.has(q.lesson)) {
      problems.add(file, `${questionName(q, i)}: lesson "${q.lesson}" is not a lesson of the course`);
      return;
    }
    const figures = lessonFigures.get(q.lesson);
    // A lesson that did not compile has been reported; its figures are unknown.
    if (figures) checkPieces(file, questionPieces(q, i), figures, `lesson "${q.lesson}"'s`, problems);
  });
  const covered = new Set(assessment.questions.map((q) => q.lesson));
  for (const lesson of lessonFigures.keys()) {
    if (!covered.has(lesson)) problems.add(file, `has no question on lesson "${lesson}"; every lesson needs at least one, as each attempt draws from every lesson`);
  }
  if (assessment.draw > assessment.questions.length) {
    problems.add(file, `field "draw" is ${assessment.draw} but the pool has only ${assessment.questions.length} questions`);
  }
  return assessment;
}
