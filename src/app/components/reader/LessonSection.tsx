import type { Section } from '../../../shared/lesson.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { Bilingual } from './Bilingual.tsx';
import type { ReadingMode } from '../../settings/reading-prefs.ts';

interface Props {
  section: Section;
  mode: ReadingMode;
  read: boolean;
  bookmarked: boolean;
  onBookmark: (on: boolean) => void;
}

/**
 * One section: its heading, then each block as a pair (one language, or both stacked on a phone
 * and side by side on a wide screen). Blocks keep their index in either mode, so the reader can
 * return to the same paragraph after a switch.
 */
export function LessonSection({ section, mode, read, bookmarked, onBookmark }: Props) {
  const { t } = useTranslation();
  const langs = mode === 'both' ? (['vi', 'en'] as const) : [mode];
  const headingId = `section-${section.id}-title`;
  return (
    <section id={`section-${section.id}`} class="lesson-section" data-section={section.id} aria-labelledby={headingId}>
      <h2 id={headingId}>
        <Bilingual text={section.title} mode={mode} />
        {read && (
          <span class="read-mark" title={t('lesson:reader.sectionRead')}>
            <span aria-hidden="true">✓</span>
            <span class="sr-only">{t('lesson:reader.sectionRead')}</span>
          </span>
        )}
      </h2>
      <button
        type="button"
        class="bookmark"
        aria-pressed={bookmarked}
        aria-label={t('lesson:reader.bookmark', { title: section.title[mode === 'en' ? 'en' : 'vi'] })}
        onClick={() => onBookmark(!bookmarked)}
      >
        {/* The name starts with the visible word (voice control); the state is aria-pressed and the filled star. */}
        <span aria-hidden="true">{bookmarked ? '★' : '☆'}</span> {t('lesson:reader.addBookmark')}
      </button>
      {section.blocks.map((block, i) => (
        <div key={i} class={mode === 'both' ? 'pair pair-both' : 'pair'} data-block={i}>
          {langs.map((lang) => (
            // Sanitised at build time (plugins/lessons): only a fixed set of tags survives.
            <div key={lang} class="block" lang={lang} dangerouslySetInnerHTML={{ __html: block[lang] }} />
          ))}
        </div>
      ))}
    </section>
  );
}
