import type { QuizQuestion } from '../../../shared/lesson.ts';

/** Right only when exactly the correct options are chosen: half a multiple choice is wrong. */
export function isRight(question: QuizQuestion, chosen: readonly string[]): boolean {
  const correct = question.options.filter((o) => o.correct).map((o) => o.id);
  return correct.length === chosen.length && correct.every((id) => chosen.includes(id));
}

/** The attempt's score (share of its questions right, 0..1) and whether it reaches the pass mark. */
export function scoreQuiz(quiz: { questions: readonly QuizQuestion[]; passMark: number }, answers: Record<string, string[]>) {
  const right = quiz.questions.filter((q) => isRight(q, answers[q.id] ?? [])).length;
  const total = quiz.questions.length;
  const score = total === 0 ? 0 : right / total;
  // A little slack so 7 of 10 passes a 0.7 mark despite floating point.
  return { right, total, score, passed: score + 1e-9 >= quiz.passMark };
}
