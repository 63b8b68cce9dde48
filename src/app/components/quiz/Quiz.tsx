import { useState } from 'preact/hooks';
import type { Quiz as QuizData } from '../../../shared/lesson.ts';
import type { ReadingMode } from '../../settings/reading-prefs.ts';
import { newAttemptSeed } from './attempt-seed.ts';
import { QuizAttempt } from './QuizAttempt.tsx';

interface Props {
  quiz: QuizData;
  mode: ReadingMode;
  /** Called once per finished attempt, with every answer and the seed its options were shuffled with. */
  onFinish: (answers: Record<string, string[]>, score: number, passed: boolean, seed: number) => void;
}

/**
 * A lesson's quiz: each answer is checked and explained before the next question. Every attempt
 * draws its own seed, so the options show in a new order on a retake and cannot be learnt by
 * position; the seed is recorded with the attempt.
 */
export function Quiz({ quiz, mode, onFinish }: Props) {
  const [attempt, setAttempt] = useState(() => ({ n: 0, seed: newAttemptSeed() }));
  return (
    <QuizAttempt
      key={attempt.n}
      questions={quiz.questions}
      passMark={quiz.passMark}
      seed={attempt.seed}
      mode={mode}
      feedback="each"
      focusFirst={attempt.n > 0}
      onFinish={(answers, score, passed) => onFinish(answers, score, passed, attempt.seed)}
      onRetake={() => setAttempt({ n: attempt.n + 1, seed: newAttemptSeed() })}
    />
  );
}
