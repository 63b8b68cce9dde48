import type { Bilingual as BilingualText } from '../../../shared/lesson.ts';
import type { ReadingMode } from '../../settings/reading-prefs.ts';

/**
 * Course text in the reading mode: one language, or Vietnamese with the English beneath. Each
 * language is marked with `lang` so a screen reader pronounces it in the right voice.
 */
export function Bilingual({ text, mode }: { text: BilingualText; mode: ReadingMode }) {
  if (mode !== 'both') return <span lang={mode}>{text[mode]}</span>;
  return (
    <>
      <span lang="vi">{text.vi}</span>
      <span lang="en" class="alt-lang">
        {text.en}
      </span>
    </>
  );
}
