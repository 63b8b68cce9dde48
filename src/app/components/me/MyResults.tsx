import type { LessonSummary } from '../../../shared/lesson.ts';
import type { LessonProgress } from '../../../shared/progress.ts';
import { useTranslation } from '../../i18n/use-translation.ts';

interface Props {
  lessons: readonly LessonSummary[];
  progress: Record<string, LessonProgress>;
}

/** Each lesson's quiz: best score, attempts and whether it is passed, in course order. */
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
    </>
  );
}
