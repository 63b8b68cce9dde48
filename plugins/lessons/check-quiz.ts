import type { Quiz, QuizQuestion } from '../../src/shared/lesson.ts';
import type { Problems } from './content-error.ts';
import { rules } from './source-schemas.ts';

/** Checks what the quiz schema cannot: counts, unique ids, and how many options are right. */
export function checkQuiz(file: string, quiz: Quiz, problems: Problems) {
  const { questions } = quiz;
  if (questions.length < rules.questions.min || questions.length > rules.questions.max) {
    problems.add(file, `has ${questions.length} questions; a lesson needs ${rules.questions.min} to ${rules.questions.max}`);
  }
  checkQuestions(file, questions, problems);
}

/** The rules every question obeys, in a lesson's quiz or in the final assessment's pool. */
export function checkQuestions(file: string, questions: readonly QuizQuestion[], problems: Problems) {
  for (const id of duplicates(questions.map((q) => q.id))) problems.add(file, `question id "${id}" is used more than once`);
  questions.forEach((q, i) => {
    const where = questionName(q, i);
    if (q.options.length < rules.options.min || q.options.length > rules.options.max) {
      problems.add(file, `${where} has ${q.options.length} options; it needs ${rules.options.min} to ${rules.options.max}`);
    }
    for (const id of duplicates(q.options.map((o) => o.id))) problems.add(file, `${where}: option id "${id}" is used more than once`);
    const correct = q.options.filter((o) => o.correct).length;
    const wrong = q.options.length - correct;
    if (q.kind === 'single' && correct !== 1) {
      problems.add(file, `${where} is single choice but has ${correct} correct options; it needs exactly one`);
    }
    if (q.kind === 'multiple' && correct < 2) {
      problems.add(file, `${where} is multiple choice but has ${correct} correct option${correct === 1 ? '' : 's'}; it needs at least two`);
    }
    if (correct === q.options.length) problems.add(file, `${where}: every option is correct; at least one must be wrong`);
    // With one wrong option among right ones, spotting the odd one out answers the question.
    else if (q.kind === 'multiple' && wrong < rules.wrongOptions.multiple) {
      problems.add(file, `${where} is multiple choice but has ${wrong} wrong option; it needs at least ${rules.wrongOptions.multiple}, each plausible to someone who skimmed the lesson`);
    }
  });
}

/** How a problem names a question: its position in the file and its id. */
export const questionName = (q: { id: string }, index: number) => `question ${index + 1} ("${q.id}")`;

export function duplicates(ids: string[]): string[] {
  return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
}
