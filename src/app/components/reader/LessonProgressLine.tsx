import type { LessonStatus } from '../../content/lesson-status.ts';
import { useTranslation } from '../../i18n/use-translation.ts';

/** "3 of 5 sections read · best quiz score 80% · completed", with a progress bar. */
export function LessonProgressLine({ status, label }: { status: LessonStatus; label: string }) {
  const { t } = useTranslation();
  const parts = [t('lesson:progress.sectionsRead', { read: status.read, total: status.total })];
  if (status.bestScore !== null) parts.push(t('lesson:progress.bestScore', { percent: Math.round(status.bestScore * 100) }));
  return (
    <div class={status.completed ? 'lesson-progress is-complete' : 'lesson-progress'}>
      <progress max={status.total} value={status.read} aria-label={label} />
      <span>
        {status.completed && <strong class="badge">{t('lesson:progress.completed')}</strong>} {parts.join(' · ')}
      </span>
    </div>
  );
}
