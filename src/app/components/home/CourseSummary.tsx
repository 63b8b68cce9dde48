import type { LessonSummary } from '../../../shared/lesson.ts';
import type { LessonProgress } from '../../../shared/progress.ts';
import { FINAL_ASSESSMENT_PATH } from '../../content/course.ts';
import { finalStanding } from '../../content/final-standing.ts';
import { lessonStatus } from '../../content/lesson-status.ts';
import { useTranslation } from '../../i18n/use-translation.ts';

export interface CourseStanding {
  completed: number;
  total: number;
  /** Sections read and quizzes passed, as a share of all of them (0–100). */
  percent: number;
  /** The first lesson in course order not completed yet. */
  next?: LessonSummary | undefined;
}

/** Where the trainee stands in the whole course. */
export function courseStanding(lessons: readonly LessonSummary[], progress: Record<string, LessonProgress>): CourseStanding {
  let done = 0;
  let steps = 0;
  let completed = 0;
  let next: LessonSummary | undefined;
  for (const lesson of lessons) {
    const s = lessonStatus(lesson, progress[lesson.id]);
    done += s.read + (s.passed ? 1 : 0);
    steps += s.total + 1;
    if (s.completed) completed++;
    else next ??= lesson;
  }
  return { completed, total: lessons.length, percent: steps ? Math.floor((done / steps) * 100) : 0, next };
}

/**
 * "3 of 9 lessons completed · 41% of the course", a bar, and the suggested next step: the first
 * lesson not completed, then the final assessment until it is passed. Drawn at its full size
 * before progress has loaded (`progress` undefined), so nothing below it moves.
 */
export function CourseSummary({ lessons, progress }: { lessons: readonly LessonSummary[]; progress: Record<string, LessonProgress> | undefined }) {
  const { t, lng } = useTranslation();
  const standing = courseStanding(lessons, progress ?? {});
  const loaded = progress !== undefined;
  const finalPassed = finalStanding(progress)?.passed ?? false;
  return (
    <section class="card course-summary" aria-labelledby="summary-title" data-testid="course-summary">
      <h2 id="summary-title" class="eyebrow">
        {t('home.summary')}
      </h2>
      {/* Before progress loads, a fresh phone's line, unseen: it takes the lines the real one will. */}
      <p class="summary-line" aria-hidden={loaded ? undefined : 'true'} data-unseen={loaded ? undefined : ''}>
        {`${t('home.lessonsDone', { done: standing.completed, total: standing.total })} · ${t('home.percent', { percent: standing.percent })}`}
      </p>
      <progress max={100} value={loaded ? standing.percent : 0} aria-label={t('home.percentLabel')} />
      {loaded && !standing.next && finalPassed && <p class="suggested">{t('home.allDone')}</p>}
      {loaded && !standing.next && !finalPassed && (
        <p class="suggested">
          <a href={FINAL_ASSESSMENT_PATH}>
            <span class="meta">{t('home.final.suggested')}</span>
            <span>{t('home.final.title')}</span>
          </a>
        </p>
      )}
      {loaded && standing.next && (
        <p class="suggested">
          <a href={`/lessons/${standing.next.id}`}>
            <span class="meta">{t('home.suggested')}</span>
            <span>
              {t('lesson:search.inLesson', { order: standing.next.order })} <span lang={lng}>{standing.next.title[lng]}</span>
            </span>
          </a>
        </p>
      )}
      {/* Until progress loads (with the background work, a second or two after the first paint),
          the first lesson's suggestion, unseen, holds the room the real one will take. */}
      {!loaded && (
        <p class="suggested" aria-hidden="true" data-unseen="">
          <span class="suggested-shape">
            <span class="meta">{t('home.suggested')}</span>
            <span>
              {t('lesson:search.inLesson', { order: lessons[0]?.order ?? 1 })} {lessons[0]?.title[lng]}
            </span>
          </span>
        </p>
      )}
    </section>
  );
}
