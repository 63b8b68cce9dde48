import type { Snippet } from '../../../shared/search.ts';

/** Text with the matched words in <mark>, which screen readers and high-contrast modes show. */
export function Highlighted({ snippet }: { snippet: Snippet }) {
  return (
    <>
      {snippet.parts.map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : part.text))}
    </>
  );
}
