import type { LessonSummary } from '../../../shared/lesson.ts';
import type { LessonProgress } from '../../../shared/progress.ts';
import { lessonStatus } from '../../content/lesson-status.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { LessonProgressLine } from './LessonProgressLine.tsx';

interface Props {
  lessons: readonly LessonSummary[];
  progress: Record<string, LessonProgress>;
  /** Lessons whose text is on the phone, marked "available offline". */
  offline?: ReadonlySet<string>;
}

/**
 * Every lesson with its title, summary, reading time and the trainee's progress. The whole card
 * opens the lesson: its title link is stretched over it, so the link's name stays the title.
 */
export function CourseList({ lessons, progress, offline }: Props) {
  const { t, lng } = useTranslation();
  return (
    <ol class="course-list" data-testid="course-list">
      {lessons.map((lesson) => (
        <li key={lesson.id} class="card lesson-card">
          <h3 lang={lng}>
            <a href={`/lessons/${lesson.id}`} class="card-link">
              <span class="lesson-number" aria-hidden="true">
                {lesson.order}
              </span>
              {lesson.title[lng]}
            </a>
          </h3>
          <p lang={lng}>{lesson.summary[lng]}</p>
          <p class="meta">
            {t('lesson:list.minutes', { count: lesson.minutes })}
            {offline?.has(lesson.id) && <span class="offline-mark"> · {t('offline:available')}</span>}
          </p>
          <LessonProgressLine status={lessonStatus(lesson, progress[lesson.id])} label={t('lesson:progress.label', { title: lesson.title[lng] })} />
        </li>
      ))}
    </ol>
  );
}
