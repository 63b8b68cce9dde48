import { useEffect } from 'preact/hooks';
import { GlossaryEntryView } from '../components/glossary/GlossaryEntryView.tsx';
import { LoadProblem } from '../components/reader/LoadProblem.tsx';
import { loadGlossary } from '../content/loaders.ts';
import { useLoaded } from '../content/use-loaded.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { useScreen } from '../shell/screen.ts';

/** /glossary — every term in both languages, sorted in the app's language. */
export function GlossaryPage() {
  const { t, lng } = useTranslation();
  useScreen({ title: t('screens.glossary') });
  const loaded = useLoaded('glossary', loadGlossary);
  const entries = loaded.status === 'ready' ? [...loaded.data].sort((a, b) => a[lng].term.localeCompare(b[lng].term, lng)) : [];

  // A link to one term (#term-id) lands on it once the list is there.
  useEffect(() => {
    if (entries.length > 0 && location.hash) document.getElementById(location.hash.slice(1))?.scrollIntoView();
  }, [entries.length]);

  return (
    <section class="glossary" aria-labelledby="glossary-title">
      <h1 id="glossary-title">{t('lesson:glossary.title')}</h1>
      <p>{t('lesson:glossary.intro')}</p>
      {loaded.status === 'loading' && <p class="placeholder">{t('lesson:load.loading')}</p>}
      {loaded.status === 'error' && <LoadProblem code={loaded.code} retry={loaded.retry} />}
      <ul class="glossary-list">
        {entries.map((entry) => (
          <li key={entry.id} id={`term-${entry.id}`}>
            <GlossaryEntryView entry={entry} headingLevel={2} />
          </li>
        ))}
      </ul>
    </section>
  );
}
