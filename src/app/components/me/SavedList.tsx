import { useEffect, useId, useMemo, useState } from 'preact/hooks';
import type { LessonSummary } from '../../../shared/lesson.ts';
import type { LessonProgress } from '../../../shared/progress.ts';
import { loadSearchIndex } from '../../content/loaders.ts';
import { useTranslation } from '../../i18n/use-translation.ts';
import { announce } from '../../shell/announce.tsx';
import { filterSaved, savedItems, sectionTitles } from './saved-items.ts';

interface Props {
  lessons: readonly LessonSummary[];
  progress: Record<string, LessonProgress>;
}

/** Bookmarks and notes, searchable without tone marks; each opens its lesson at the section or the note. */
export function SavedList({ lessons, progress }: Props) {
  const { t, lng } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const titles = useSectionTitles();
  const items = useMemo(() => savedItems(lessons, progress, titles), [lessons, progress, titles]);
  const shown = useMemo(() => filterSaved(items, query), [items, query]);
  const count = t('me:saved.count', { count: shown.length });
  // Said once typing pauses, not at every key.
  useEffect(() => {
    if (!query) return;
    const timer = setTimeout(() => announce(shown.length ? count : t('me:saved.noMatch', { query })), 700);
    return () => clearTimeout(timer);
  }, [query, shown.length]);

  if (items.length === 0) return <p>{t('me:saved.empty')}</p>;
  return (
    <div class="saved">
      <div class="field">
        <label for={`${id}-q`}>{t('me:saved.search')}</label>
        <input id={`${id}-q`} type="search" value={query} placeholder={t('me:saved.placeholder')} autocomplete="off" onInput={(e) => setQuery(e.currentTarget.value)} />
      </div>
      <p class="meta">{shown.length ? count : t('me:saved.noMatch', { query })}</p>
      <ul class="saved-list" data-testid="saved-list">
        {shown.map((item) => (
          <li key={`${item.kind}:${item.lesson.id}:${item.section?.id ?? ''}`}>
            <a class="saved-item" href={item.href}>
              <span class="badge">{t(item.kind === 'note' ? 'me:saved.note' : 'me:saved.bookmark')}</span>
              <span class="saved-where">
                {t('me:saved.lesson', { order: item.lesson.order })} <span lang={lng}>{item.lesson.title[lng]}</span>
              </span>
              {item.section && (
                <span class="saved-what" lang={item.section.title ? lng : undefined}>
                  {item.section.title?.[lng] ?? t('me:saved.section', { number: item.section.number })}
                </span>
              )}
              {item.note && <span class="saved-what saved-note">{item.note}</span>}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Section titles for the bookmarks, once the (precached) search index has loaded; numbers until then. */
function useSectionTitles() {
  const [titles, setTitles] = useState<ReturnType<typeof sectionTitles>>();
  useEffect(() => {
    let live = true;
    loadSearchIndex().then(
      (index) => live && setTitles(sectionTitles(index.docs)),
      () => {}, // offline before it was cached: the section numbers stand in
    );
    return () => {
      live = false;
    };
  }, []);
  return titles;
}
