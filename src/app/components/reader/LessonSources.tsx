import type { Lesson } from '../../../shared/lesson.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import type { ReadingMode } from '../../settings/reading-prefs.ts';

/** The articles the lesson's facts come from, as the author listed them in that language. */
export function LessonSources({ sources, mode }: { sources: Lesson['sources']; mode: ReadingMode }) {
  const { t } = useTranslation();
  const lang = mode === 'en' ? 'en' : 'vi';
  return (
    <section class="lesson-sources" aria-labelledby="sources-title">
      <h2 id="sources-title">{t('lesson:sources.title')}</h2>
      <ul lang={lang}>
        {sources[lang].map((s) => (
          <li key={s.seed}>
            <cite>{s.title}</cite>
            {s.published && <> ({s.published})</>}
          </li>
        ))}
      </ul>
    </section>
  );
}
