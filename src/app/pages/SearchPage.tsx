import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { search } from '../../shared/search.ts';
import { LoadProblem } from '../components/reader/LoadProblem.tsx';
import { SearchResults } from '../components/search/SearchResults.tsx';
import { loadSearchIndex } from '../content/loaders.ts';
import { useLoaded } from '../content/use-loaded.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { announce } from '../shell/announce.tsx';
import { useScreen } from '../shell/screen.ts';

/** /search?q=… — lessons and glossary in both languages, offline, ignoring tone marks and case. */
export function SearchPage() {
  const { t } = useTranslation();
  useScreen({ title: t('screens.search') });
  const { query: params } = useLocation();
  const [query, setQuery] = useState(params.q ?? '');
  const loaded = useLoaded('search', loadSearchIndex);
  const results = useMemo(() => (loaded.status === 'ready' ? search(loaded.data.docs, query) : []), [loaded, query]);
  const asked = query.trim() !== '';
  const said = loaded.status === 'loading' ? t('lesson:load.loading') : asked ? t('lesson:search.count', { count: results.length }) : t('lesson:search.hint');
  // The count is said once typing pauses, through the app's live region, not at every key.
  useEffect(() => {
    if (!asked || loaded.status !== 'ready') return;
    const timer = setTimeout(() => announce(said), 700);
    return () => clearTimeout(timer);
  }, [said]);

  return (
    <section class="search" aria-labelledby="search-title">
      <h1 id="search-title">{t('lesson:search.title')}</h1>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <label for="search-input">{t('lesson:search.label')}</label>
        <input
          id="search-input"
          type="search"
          value={query}
          placeholder={t('lesson:search.placeholder')}
          autocomplete="off"
          onInput={(e) => {
            const q = e.currentTarget.value;
            setQuery(q);
            // Kept in the address so Back from a result returns to the same search; replaceState
            // rather than the router, which would redraw the page and take the keyboard away.
            history.replaceState(history.state, '', q ? `/search?q=${encodeURIComponent(q)}` : '/search');
          }}
        />
      </form>
      {loaded.status === 'error' && <LoadProblem code={loaded.code} retry={loaded.retry} />}
      <p class="search-count">{said}</p>
      <SearchResults results={results} />
    </section>
  );
}
