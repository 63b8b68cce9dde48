import type { Quiz } from '../../src/shared/lesson.ts';
import type { Problems } from './content-error.ts';
import { rules } from './source-schemas.ts';

/** Checks what the quiz schema cannot: counts, unique ids, and how many options are right. */
export function checkQuiz(file: string, quiz: Quiz, problems: Problems) {
  const { questions } = quiz;
  if (questions.length < rules.questions.min || questions.length > rules.questions.max) {
    problems.add(file, `has ${questions.length} questions; a lesson needs ${rules.questions.min} to ${rules.questions.max}`);
  }
  for (const id of duplicates(questions.map((q) => q.id))) problems.add(file, `question id "${id}" is used more than once`);
  questions.forEach((q, i) => {
    const where = `question ${i + 1} ("${q.id}")`;
    if (q.options.length < rules.options.min || q.options.length > rules.options.max) {
      problems.add(file, `${where} has ${q.options.length} options; it needs ${rules.options.min} to ${rules.options.max}`);
    }
    for (const id of duplicates(q.options.map((o) => o.id))) problems.add(file, `${where}: option id "${id}" is used more than once`);
    const correct = q.options.filter((o) => o.correct).length;
    if (q.kind === 'single' && correct !== 1) {
      problems.add(file, `${where} is single choice but has ${correct} correct options; it needs exactly one`);
    }
    if (q.kind === 'multiple' && correct < 2) {
      problems.add(file, `${where} is multiple choice but has ${correct} correct option${correct === 1 ? '' : 's'}; it needs at least two`);
    }
    if (correct === q.options.length) problems.add(file, `${where}: every option is correct; at least one must be wrong`);
  });
}

export function duplicates(ids: string[]): string[] {
  return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
}
