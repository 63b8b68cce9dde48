import { useEffect, useRef, useState } from 'preact/hooks';
import type { Quiz as QuizData } from '../../../shared/lesson.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { announce } from '../../shell/announce.tsx';
import { scrollBehavior } from '../../shell/motion.ts';
import { Bilingual } from '../reader/Bilingual.tsx';
import type { ReadingMode } from '../../settings/reading-prefs.ts';
import { QuestionView } from './QuestionView.tsx';
import { isRight, scoreQuiz } from './quiz-score.ts';

interface Props {
  quiz: QuizData;
  mode: ReadingMode;
  /** Called once per finished attempt, with every answer. */
  onFinish: (answers: Record<string, string[]>, score: number, passed: boolean) => void;
}

/**
 * One question at a time: choose, check (feedback and explanation are announced), go on; the
 * score comes at the end, with a retake. Focus moves to each new question and to the result so
 * a keyboard or screen reader user is never left on a button that has disappeared.
 */
export function Quiz({ quiz, mode, onFinish }: Props) {
  const { t } = useTranslation();
  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [checked, setChecked] = useState(false);
  const [finished, setFinished] = useState(false);
  const focusTarget = useRef<HTMLDivElement>(null);
  const started = useRef(false);

  // The next question (or the result) scrolls to sit just below the app bar (the page's scroll
  // padding) and takes focus, so nobody scrolls back up for it or is left on a vanished button.
  useEffect(() => {
    const target = finished ? focusTarget.current : focusTarget.current?.querySelector('fieldset');
    if (started.current && target) {
      target.focus({ preventScroll: true });
      target.scrollIntoView?.({ block: 'start', behavior: scrollBehavior() });
    }
    started.current = true;
  }, [index, finished]);

  const question = quiz.questions[index]!;
  const chosen = answers[question.id] ?? [];
  const last = index === quiz.questions.length - 1;

  if (finished) {
    const { right, total, score, passed } = scoreQuiz(quiz, answers);
    return (
      <div class="quiz-result" ref={focusTarget} tabIndex={-1} data-testid="quiz-result">
        <p class="quiz-score">{t('lesson:quiz.score', { right, total, percent: Math.round(score * 100) })}</p>
        <p class={passed ? 'quiz-passed' : 'quiz-failed'}>
          {t(passed ? 'lesson:quiz.passed' : 'lesson:quiz.failed', { mark: Math.round(quiz.passMark * 100) })}
        </p>
        <button
          type="button"
          onClick={() => {
            setAnswers({});
            setIndex(0);
            setChecked(false);
            setFinished(false);
          }}
        >
          {t('lesson:quiz.retake')}
        </button>
      </div>
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

  return (
    <form
      class="quiz"
      onSubmit={(e) => {
        e.preventDefault();
        if (checked) next();
        else if (chosen.length > 0) check();
      }}
    >
      <div ref={focusTarget}>
        <QuestionView
          key={question.id}
          question={question}
          number={index + 1}
          total={quiz.questions.length}
          mode={mode}
          chosen={chosen}
          checked={checked}
          onChange={(ids) => setAnswers({ ...answers, [question.id]: ids })}
        />
      </div>
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
      <button type="submit" class="primary" disabled={!checked && chosen.length === 0}>
        {t(!checked ? 'lesson:quiz.check' : last ? 'lesson:quiz.finish' : 'lesson:quiz.next')}
      </button>
    </form>
  );
}
