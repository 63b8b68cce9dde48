import type { ComponentChildren } from 'preact';
import type { QuizQuestion } from '../../../shared/lesson.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import type { ReadingMode } from '../../settings/reading-prefs.ts';
import { Bilingual } from '../reader/Bilingual.tsx';
import { QuestionView } from './QuestionView.tsx';
import { isRight } from './quiz-score.ts';

interface Props<Q extends QuizQuestion> {
  questions: readonly Q[];
  answers: Record<string, string[]>;
  /** The attempt's seed: its options show in the order they were taken in (file order without one). */
  seed?: number | undefined;
  mode: ReadingMode;
  /** More to say under each question (where to reread it). */
  note?: ((question: Q) => ComponentChildren) | undefined;
}

/** Every question of a finished attempt, as it was asked, with what was chosen, the right answers and why. */
export function AttemptReview<Q extends QuizQuestion>({ questions, answers, seed, mode, note }: Props<Q>) {
  const { t } = useTranslation();
  return (
    <section class="attempt-review" aria-labelledby="review-title" data-testid="attempt-review">
      <h2 id="review-title">{t('lesson:quiz.review')}</h2>
      <ol class="review-list">
        {questions.map((q, i) => {
          const right = isRight(q, answers[q.id] ?? []);
          return (
            <li key={q.id}>
              <QuestionView question={q} number={i + 1} total={questions.length} mode={mode} chosen={answers[q.id] ?? []} checked seed={seed} onChange={() => {}} />
              <p class={right ? 'quiz-right' : 'quiz-wrong'}>
                <strong>{t(right ? 'lesson:quiz.right' : 'lesson:quiz.wrong')}</strong>
              </p>
              <p class="quiz-explanation">
                <Bilingual text={q.explanation} mode={mode} />
              </p>
              {note?.(q)}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
