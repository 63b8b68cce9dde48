/**
 * "No figure without a source", made checkable without the seed articles (a clean clone has
 * none): each lesson declares in its front matter which figures it uses and which seed each
 * comes from,
 *
 *   figures:
 *     "002": ["88", "2016", "2018"]
 *     "001": ["86", "193", "11,91", "14,26"]
 *
 * and the build refuses a figure in the lesson's text, its quiz or a final-assessment question
 * on it that the list does not hold, a listed seed the lesson does not cite in `sources`, and a
 * listed figure the lesson never uses. A reviewer then checks one short list against the seeds.
 */

/**
 * A figure is a run of digits, with "." or "," between digits ("204.397", "11,91", "2.0").
 * Not figures: digits glued to a word ("COVID-19", "H2O"), and the course's own cross-references
 * ("bài 5", "Lesson 5").
 */
const figurePattern = /(?<![\p{L}\p{N}]|\p{L}-)\p{N}+(?:[.,]\p{N}+)*/gu;
const crossReference = /\b(?:[Bb]ài|Lesson)\s+\d+\b/gu;

/**
 * One spelling per figure, so "204.397" (Vietnamese) and "204,397" (English) or "11,91" and
 * "11.91" are the same figure, and "04" is "4".
 */
export function canonicalFigure(figure: string): string {
  return figure
    .split(/[.,]/)
    .map((part, i) => (i === 0 ? part.replace(/^0+(?=\d)/, '') : part))
    .join('.');
}

/** The figures in a piece of text, canonical, in order of appearance. */
export function figuresIn(text: string): string[] {
  return [...text.replace(crossReference, ' ').matchAll(figurePattern)].map((m) => canonicalFigure(m[0]));
}

/** A lesson's declared figures: canonical figure → the seed it comes from. */
export type FigureSources = ReadonlyMap<string, string>;

/** The declaration as written (seed → figures), as a lookup; a figure listed twice keeps its first seed. */
export function figureSources(declared: Readonly<Record<string, readonly string[]>> | undefined): FigureSources {
  const map = new Map<string, string>();
  for (const [seed, figures] of Object.entries(declared ?? {})) {
    for (const figure of figures) if (!map.has(canonicalFigure(figure))) map.set(canonicalFigure(figure), seed);
  }
  return map;
}

/** The figures of `text` that `sources` does not declare. */
export function undeclaredFigures(text: string, sources: FigureSources): string[] {
  return [...new Set(figuresIn(text).filter((f) => !sources.has(f)))];
}
