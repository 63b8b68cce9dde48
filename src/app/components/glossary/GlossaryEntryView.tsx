import type { GlossaryEntry } from '../../../shared/lesson.ts';
import { useTranslation } from '../../i18n/use-translation.ts';

/** A term in both languages with its definitions; the app's language comes first. */
export function GlossaryEntryView({ entry, headingLevel = 3 }: { entry: GlossaryEntry; headingLevel?: 2 | 3 }) {
  const { lng } = useTranslation();
  const order = lng === 'en' ? (['en', 'vi'] as const) : (['vi', 'en'] as const);
  const Heading = `h${headingLevel}` as 'h2' | 'h3';
  return (
    <div class="glossary-entry">
      <Heading class="term-title">
        <span lang={order[0]}>{entry[order[0]].term}</span>
        <span class="alt-lang" lang={order[1]}>
          {entry[order[1]].term}
        </span>
      </Heading>
      {order.map((lang) => (
        <p key={lang} lang={lang}>
          {entry[lang].definition}
        </p>
      ))}
    </div>
  );
}
