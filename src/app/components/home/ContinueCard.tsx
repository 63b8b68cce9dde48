import { lessonSummary } from '../../content/course.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import type { LastRead } from '../reader/last-read.ts';

/**
 * "Continue": the lesson and section last read; one tap anywhere on the card reopens the lesson
 * at that paragraph (the lesson keeps its own place, see reading-position.ts).
 */
export function ContinueCard({ place }: { place: LastRead }) {
  const { t, lng } = useTranslation();
  const lesson = lessonSummary(place.lessonId);
  if (!lesson) return null;
  return (
    <section class="card continue-card" aria-labelledby="continue-title" data-testid="continue-card">
      <h2 id="continue-title" class="eyebrow">
        {t('home.continue')}
      </h2>
      <p class="card-title">
        <a href={`/lessons/${lesson.id}`} class="card-link">
          <span class="lesson-number" aria-hidden="true">
            {lesson.order}
          </span>
          <span lang={lng}>{lesson.title[lng]}</span>
        </a>
      </p>
      <p class="meta">{t('home.continueSection', { section: place.sectionTitle[lng] })}</p>
    </section>
  );
}
