import type { SearchResult } from '../../../shared/search.ts';
import { lessonSummary } from '../../content/course.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { Highlighted } from './Highlighted.tsx';

function href({ doc }: SearchResult): string {
  if (doc.kind === 'term') return `/glossary#term-${doc.id}`;
  if (doc.kind === 'lesson') return `/lessons/${doc.id}`;
  return `/lessons/${doc.lessonId}?section=${encodeURIComponent(doc.id)}`;
}

/** Search hits, each in its own language, with where it is and the matched words marked. */
export function SearchResults({ results }: { results: SearchResult[] }) {
  const { t } = useTranslation();
  return (
    <ol class="search-results">
      {results.map((r) => {
        const lesson = r.doc.lessonId ? lessonSummary(r.doc.lessonId) : undefined;
        // The place is said in the UI language, the lesson's title in the result's own.
        const where =
          r.doc.kind === 'term' ? (
            t('lesson:search.inGlossary')
          ) : r.doc.kind === 'section' && lesson ? (
            <>
              {t('lesson:search.inLesson', { order: lesson.order })} <span lang={r.doc.lang}>{lesson.title[r.doc.lang]}</span>
            </>
          ) : (
            t('lesson:search.lesson')
          );
        return (
          <li key={`${r.doc.kind}:${r.doc.lessonId}:${r.doc.id}:${r.doc.lang}`} class="card search-result">
            <p class="where">
              <span>{where}</span> <span class="badge">{t(`lesson:search.lang.${r.doc.lang}`)}</span>
            </p>
            <h2 lang={r.doc.lang}>
              <a href={href(r)} class="card-link">
                <Highlighted snippet={r.title} />
              </a>
            </h2>
            <p lang={r.doc.lang}>
              <Highlighted snippet={r.excerpt} />
            </p>
          </li>
        );
      })}
    </ol>
  );
}
