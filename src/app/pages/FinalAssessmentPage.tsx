import { useEffect, useMemo, useState } from 'preact/hooks';
import { drawFinalQuestions } from '../../shared/final-draw.ts';
import type { FinalAssessment, FinalQuestion } from '../../shared/lesson.ts';
import { newAttemptSeed } from '../components/quiz/attempt-seed.ts';
import { QuizAttempt } from '../components/quiz/QuizAttempt.tsx';
import { LoadProblem } from '../components/reader/LoadProblem.tsx';
import { course, finalAssessmentId, lessonSummary } from '../content/course.ts';
import { finalStanding, questionsToPass } from '../content/final-standing.ts';
import { loadFinalAssessment } from '../content/loaders.ts';
import { useLoaded } from '../content/use-loaded.ts';
import { act } from '../data-layer.ts';
import { useCourseProgress } from '../hooks/use-progress.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { useReadingPrefs, type ReadingMode } from '../settings/reading-prefs.ts';
import { useScreen } from '../shell/screen.ts';

/**
 * /final — the final assessment (bài kiểm tra cuối khóa). Each attempt draws its own seed, which
 * picks the questions (stratified by lesson) and the order of their options; it is marked at the
 * end and recorded as a quiz attempt under FINAL_ASSESSMENT_ID, so it syncs and merges like a
 * lesson's quiz (every attempt kept, the best score shown). Attempts are unlimited. The pool is
 * precached with the lessons, so an attempt works offline.
 */
export function FinalAssessmentPage() {
  const { t } = useTranslation();
  const { mode } = useReadingPrefs();
  const title = t('lesson:final.title');
  useScreen({ title, back: '/', barTitle: t('lesson:final.barTitle') });
  const loaded = useLoaded('final-assessment', loadFinalAssessment);
  const progress = useCourseProgress();
  const [attempt, setAttempt] = useState<{ n: number; seed: number }>();
  useEffect(() => window.scrollTo(0, 0), []);

  const { draw, passMark } = course.finalAssessment;
  const standing = finalStanding(progress);
  const lessonsDone = course.lessons.filter((l) => progress?.[l.id]?.completed).length;
  const start = () => setAttempt((a) => ({ n: (a?.n ?? 0) + 1, seed: newAttemptSeed() }));

  return (
    <article class="final" aria-labelledby="final-title">
      <h1 id="final-title">{title}</h1>
      <p class="lead">{t('lesson:final.intro', { questions: draw, need: questionsToPass(draw, passMark), mark: Math.round(passMark * 100) })}</p>
      <p class="final-standing" data-testid="final-standing">
        {progress === undefined
          ? '\u00a0'
          : standing
            ? t('lesson:final.standing', {
                count: standing.attempts,
                percent: Math.round(standing.best * 100),
                verdict: t(standing.passed ? 'lesson:final.passed' : 'lesson:final.notPassed'),
              })
            : t('lesson:final.noAttempt')}
      </p>
      {progress && lessonsDone < course.lessons.length && <p class="meta">{t('lesson:final.lessonsFirst', { done: lessonsDone, total: course.lessons.length })}</p>}
      {loaded.status === 'loading' && <p class="placeholder">{t('lesson:load.loading')}</p>}
      {loaded.status === 'error' && <LoadProblem code={loaded.code} retry={loaded.retry} />}
      {loaded.status === 'ready' && !attempt && (
        <div class="final-start">
          <p class="meta">{t('lesson:final.markedAtEnd')}</p>
          <button type="button" class="primary" onClick={start}>
            {t('lesson:final.start')}
          </button>
        </div>
      )}
      {loaded.status === 'ready' && attempt && <FinalAttempt key={attempt.n} pool={loaded.data} seed={attempt.seed} mode={mode} onRetake={start} />}
    </article>
  );
}

/** One attempt: the questions its seed draws, marked at the end, recorded once finished. */
function FinalAttempt({ pool, seed, mode, onRetake }: { pool: FinalAssessment; seed: number; mode: ReadingMode; onRetake: () => void }) {
  const { draw, passMark } = course.finalAssessment;
  const questions = useMemo(() => drawFinalQuestions(pool.questions, draw, seed), [pool, seed]);
  return (
    <QuizAttempt
      questions={questions}
      passMark={passMark}
      seed={seed}
      mode={mode}
      feedback="end"
      focusFirst
      failedKey="lesson:final.failed"
      retakeKey="lesson:final.retake"
      reviewNote={(q) => <FromLesson question={q} />}
      onFinish={(answers, score, passed) => void act((data) => data.answerQuiz(finalAssessmentId, answers, score, passed, seed))}
      onRetake={onRetake}
    />
  );
}

/** Which lesson a reviewed question draws on, as a link for rereading it. */
function FromLesson({ question }: { question: FinalQuestion }) {
  const { t, lng } = useTranslation();
  const lesson = lessonSummary(question.lesson);
  if (!lesson) return null;
  return (
    <p class="meta">
      {t('lesson:final.fromLesson')}{' '}
      <a href={`/lessons/${lesson.id}`}>
        {t('lesson:search.inLesson', { order: lesson.order })} <span lang={lng}>{lesson.title[lng]}</span>
      </a>
    </p>
  );
}
