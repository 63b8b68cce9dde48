import type { LessonProgress } from '../../../shared/progress.ts';
import { course, FINAL_ASSESSMENT_PATH } from '../../content/course.ts';
import { finalStanding } from '../../content/final-standing.ts';
import { useTranslation } from '../../i18n/use-translation.ts';

/**
 * The final assessment, always listed after the lessons: what it asks, and the trainee's best
 * attempt so far. The whole card opens it (its title link is stretched over the card).
 */
export function FinalAssessmentCard({ progress }: { progress: Record<string, LessonProgress> | undefined }) {
  const { t } = useTranslation();
  const { draw, passMark } = course.finalAssessment;
  const standing = finalStanding(progress);
  return (
    <section class="card final-card" aria-labelledby="final-card-title" data-testid="final-card">
      <h2 id="final-card-title" class="card-title">
        <a href={FINAL_ASSESSMENT_PATH} class="card-link">
          {t('home.final.title')}
        </a>
      </h2>
      <p>{t('home.final.about', { questions: draw, mark: Math.round(passMark * 100) })}</p>
      <p class="meta">
        {progress === undefined ? (
          '\u00a0'
        ) : standing ? (
          <>
            <strong class={standing.passed ? 'badge is-ok' : 'badge'}>{t(standing.passed ? 'home.final.passed' : 'home.final.notPassed')}</strong>{' '}
            {t('home.final.standing', { count: standing.attempts, percent: Math.round(standing.best * 100) })}
          </>
        ) : (
          t('home.final.notTaken')
        )}
      </p>
    </section>
  );
}
