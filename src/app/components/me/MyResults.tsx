import type { LessonSummary } from '../../../shared/lesson.ts';
import type { LessonProgress } from '../../../shared/progress.ts';
import { FINAL_ASSESSMENT_PATH } from '../../content/course.ts';
import { finalStanding } from '../../content/final-standing.ts';
import { useTranslation } from '../../i18n/use-translation.ts';

interface Props {
  lessons: readonly LessonSummary[];
  progress: Record<string, LessonProgress>;
}

/** Each lesson's quiz in course order, then the final assessment: best score, attempts and whether it is passed. */
export function MyResults({ lessons, progress }: Props) {
  const { t, lng } = useTranslation();
  const passed = lessons.filter((l) => progress[l.id]?.attempts.some((a) => a.passed)).length;
  return (
    <>
      <p>{t('me:results.summary', { passed, total: lessons.length })}</p>
      <ol class="results" data-testid="my-results">
        {lessons.map((lesson) => {
          const p = progress[lesson.id];
          const attempts = p?.attempts.length ?? 0;
          const ok = p?.attempts.some((a) => a.passed) ?? false;
          return (
            <li key={lesson.id}>
              <a href={`/lessons/${lesson.id}`} class="result-title">
                {t('lesson:search.inLesson', { order: lesson.order })} <span lang={lng}>{lesson.title[lng]}</span>
              </a>
              <p class="meta">
                {attempts === 0 ? (
                  t('me:results.none')
                ) : (
                  <>
                    <strong class={ok ? 'badge is-ok' : 'badge'}>{t(ok ? 'me:results.passed' : 'me:results.notPassed')}</strong>{' '}
                    {t('me:results.best', { percent: Math.round((p?.bestScore ?? 0) * 100) })} · {t('me:results.attempts', { count: attempts })}
                  </>
                )}
              </p>
            </li>
          );
        })}
      </ol>
      <FinalResult progress={progress} />
    </>
  );
}

/** The final assessment's best attempt, kept by the merge rules like a lesson quiz's. */
function FinalResult({ progress }: { progress: Record<string, LessonProgress> }) {
  const { t } = useTranslation();
  const standing = finalStanding(progress);
  return (
    <div class="final-result" data-testid="final-result">
      <a href={FINAL_ASSESSMENT_PATH} class="result-title">
        {t('me:results.final')}
      </a>
      <p class="meta">
        {standing ? (
          <>
            <strong class={standing.passed ? 'badge is-ok' : 'badge'}>{t(standing.passed ? 'me:results.passed' : 'me:results.notPassed')}</strong>{' '}
            {t('me:results.best', { percent: Math.round(standing.best * 100) })} · {t('me:results.attempts', { count: standing.attempts })}
          </>
        ) : (
          t('me:results.none')
        )}
      </p>
    </div>
  );
}
