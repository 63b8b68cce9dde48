import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { QuizQuestion } from '../../../shared/lesson.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { announce } from '../../shell/announce.tsx';
import { scrollBehavior } from '../../shell/motion.ts';
import type { ReadingMode } from '../../settings/reading-prefs.ts';
import { Bilingual } from '../reader/Bilingual.tsx';
import { AttemptReview } from './AttemptReview.tsx';
import { QuestionView } from './QuestionView.tsx';
import { isRight, scoreQuiz } from './quiz-score.ts';

export interface QuizAttemptProps<Q extends QuizQuestion> {
  questions: readonly Q[];
  /** Share of the questions to answer right, 0..1. */
  passMark: number;
  /** The attempt's shuffle seed: each question's options show in `optionOrder(question, seed)`. */
  seed: number;
  mode: ReadingMode;
  /**
   * 'each': every answer is checked, explained and announced before the next question (a lesson's
   * quiz, for learning). 'end': answers are marked only in the result, which reviews them all
   * (the final assessment, which tests).
   */
  feedback: 'each' | 'end';
  /** Called once, when the attempt is finished, with every answer. */
  onFinish: (answers: Record<string, string[]>, score: number, passed: boolean) => void;
  /** The result's retake button: the owner starts a new attempt with a new seed. */
  onRetake: () => void;
  /** Whether the first question takes focus on arrival (a retake, or an attempt started by a button). */
  focusFirst: boolean;
  /** What the result says below the pass mark (an i18n key taking `mark`). */
  failedKey?: string;
  /** The retake button's label (an i18n key). */
  retakeKey?: string;
  /** More to say under a question in the result's review (where to reread it). */
  reviewNote?: (question: Q) => ComponentChildren;
}

/**
 * One attempt, one question at a time: choose, (check,) go on; the score comes at the end, with
 * a retake. The next question (or the result) scrolls to sit just below the app bar (the page's
 * scroll padding) and takes focus, so nobody scrolls back up for it, and a keyboard or screen
 * reader user is never left on a button that has disappeared.
 */
export function QuizAttempt<Q extends QuizQuestion>(props: QuizAttemptProps<Q>) {
  const { questions, passMark, seed, mode, feedback, onFinish, onRetake, focusFirst } = props;
  const { t } = useTranslation();
  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [checked, setChecked] = useState(false);
  const [finished, setFinished] = useState(false);
  const focusTarget = useRef<HTMLDivElement>(null);
  const started = useRef(focusFirst);

  useEffect(() => {
    const target = finished ? focusTarget.current : focusTarget.current?.querySelector('fieldset');
    if (started.current && target) {
      target.focus({ preventScroll: true });
      target.scrollIntoView?.({ block: 'start', behavior: scrollBehavior() });
    }
    started.current = true;
  }, [index, finished]);

  const quiz = { questions, passMark };
  const question = questions[index]!;
  const chosen = answers[question.id] ?? [];
  const last = index === questions.length - 1;

  if (finished) {
    const { right, total, score, passed } = scoreQuiz(quiz, answers);
    return (
      <>
        <div class="quiz-result" ref={focusTarget} tabIndex={-1} data-testid="quiz-result">
          <p class="quiz-score">{t('lesson:quiz.score', { right, total, percent: Math.round(score * 100) })}</p>
          <p class={passed ? 'quiz-passed' : 'quiz-failed'}>
            {t(passed ? 'lesson:quiz.passed' : (props.failedKey ?? 'lesson:quiz.failed'), { mark: Math.round(passMark * 100) })}
          </p>
          <button type="button" onClick={onRetake}>
            {t(props.retakeKey ?? 'lesson:quiz.retake')}
          </button>
        </div>
        {feedback === 'end' && <AttemptReview questions={questions} answers={answers} seed={seed} mode={mode} note={props.reviewNote} />}
      </>
    );
  }

  const right = checked && isRight(question, chosen);
  const check = () => {
    setChecked(true);
    // The feedback is said through the app's live region: right or not, and why.
    const explanation = mode === 'both' ? `${question.explanation.vi} ${question.explanation.en}` : question.explanation[mode];
    announce(`${t(isRight(question, chosen) ? 'lesson:quiz.right' : 'lesson:quiz.wrong')} ${explanation}`);
  };
  const next = () => {
    if (last) {
      const result = scoreQuiz(quiz, answers);
      onFinish(answers, result.score, result.passed);
      setFinished(true);
    } else {
      setIndex(index + 1);
    }
    setChecked(false);
  };
  // With feedback at the end, an answer moves straight on.
  const moveOn = checked || feedback === 'end';

  return (
    <form
      class="quiz"
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen.length === 0) return;
        if (moveOn) next();
        else check();
      }}
    >
      <div ref={focusTarget}>
        <QuestionView
          key={question.id}
          question={question}
          number={index + 1}
          total={questions.length}
          mode={mode}
          chosen={chosen}
          checked={checked}
          seed={seed}
          onChange={(ids) => setAnswers({ ...answers, [question.id]: ids })}
        />
      </div>
      {feedback === 'each' && (
        <div class="quiz-feedback">
          {checked && (
            <>
              <p class={right ? 'quiz-right' : 'quiz-wrong'}>
                <strong>{t(right ? 'lesson:quiz.right' : 'lesson:quiz.wrong')}</strong>
              </p>
              <p class="quiz-explanation">
                <Bilingual text={question.explanation} mode={mode} />
              </p>
            </>
          )}
        </div>
      )}
      <button type="submit" class="primary" disabled={chosen.length === 0}>
        {t(!moveOn ? 'lesson:quiz.check' : last ? 'lesson:quiz.finish' : 'lesson:quiz.next')}
      </button>
    </form>
  );
}
