import { neighbours } from '../../content/course.ts';
import { useTranslation } from '../../i18n/use-translation.ts';

/** Links to the previous and next lessons in course order. */
export function PrevNext({ id }: { id: string }) {
  const { t, lng } = useTranslation();
  const { previous, next } = neighbours(id);
  return (
    <nav class="prev-next" aria-label={t('lesson:nav.prevNext')}>
      {previous && (
        <a href={`/lessons/${previous.id}`} rel="prev">
          <span class="dir">← {t('lesson:nav.previous')}</span>
          <span lang={lng}>{previous.title[lng]}</span>
        </a>
      )}
      {next && (
        <a href={`/lessons/${next.id}`} rel="next" class="next">
          <span class="dir">{t('lesson:nav.next')} →</span>
          <span lang={lng}>{next.title[lng]}</span>
        </a>
      )}
    </nav>
  );
}
