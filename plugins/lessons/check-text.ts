import type { CourseLanguage, QuizQuestion } from '../../src/shared/lesson.ts';
import { figureSources, figuresIn, undeclaredFigures, type FigureSources } from './check-figures.ts';
import { questionName } from './check-quiz.ts';
import { englishWordingProblems, vietnameseWordingProblems } from './check-wording.ts';
import type { Problems } from './content-error.ts';
import type { RenderedBody } from './render-markdown.ts';
import type { FrontMatter } from './source-schemas.ts';

/** One piece of author-written text in one language, with where it is for a problem message. */
export interface TextPiece {
  where: string;
  lang: CourseLanguage;
  text: string;
}

/** Everything a reader sees of a lesson file: title, summary, headings, blocks, picture descriptions. */
export function lessonPieces(lang: CourseLanguage, meta: FrontMatter, body: RenderedBody): TextPiece[] {
  return [
    { where: 'front matter field "title"', lang, text: meta.title },
    { where: 'front matter field "summary"', lang, text: meta.summary },
    ...body.sections.flatMap((s) => [
      { where: `line ${s.line}`, lang, text: s.title },
      ...s.blocks.map((b) => ({ where: `line ${b.line}`, lang, text: [b.text, ...altTexts(b.html)].join(' ') })),
    ]),
  ];
}

/** Every string of a question in both languages: prompt, options, explanation. */
export function questionPieces(q: QuizQuestion, index: number): TextPiece[] {
  const name = questionName(q, index);
  return (['vi', 'en'] as const).flatMap((lang) => [
    { where: `${name} ${lang} prompt`, lang, text: q.prompt[lang] },
    ...q.options.map((o) => ({ where: `${name} option "${o.id}" (${lang})`, lang, text: o[lang] })),
    { where: `${name} ${lang} explanation`, lang, text: q.explanation[lang] },
  ]);
}

/**
 * The wording rules (check-wording.ts) and the figure rule (check-figures.ts) over `pieces`.
 * `figures` are the lesson's declared figures; `whose` names them in a message.
 */
export function checkPieces(file: string, pieces: readonly TextPiece[], figures: FigureSources, whose: string, problems: Problems) {
  for (const { where, lang, text } of pieces) {
    const wording = lang === 'vi' ? vietnameseWordingProblems(text) : englishWordingProblems(text);
    for (const message of wording) problems.add(file, `${where}: ${message}`);
    const unsourced = undeclaredFigures(text, figures);
    if (unsourced.length > 0) {
      const list = unsourced.map((f) => `"${f}"`).join(', ');
      problems.add(file, `${where}: ${unsourced.length === 1 ? `figure ${list} has` : `figures ${list} have`} no source: list each under the seed it comes from in ${whose} front matter "figures"`);
    }
  }
}

interface LessonText {
  vi: { file: string; meta: FrontMatter; body: RenderedBody };
  en: { file: string; meta: FrontMatter; body: RenderedBody };
  quizFile: string;
  questions: readonly QuizQuestion[];
}

/**
 * Checks a lesson's text and quiz for wording and unsourced figures, and its figure list against
 * its sources; returns the figures for the final assessment's questions on this lesson.
 */
export function checkLessonText({ vi, en, quizFile, questions }: LessonText, problems: Problems): FigureSources {
  const figures = figureSources(vi.meta.figures);
  const listed = (sources: FigureSources) => [...sources].map(([f, seed]) => `${seed}:${f}`).sort().join(', ');
  if (listed(figures) !== listed(figureSources(en.meta.figures))) {
    problems.add(en.file, 'field "figures" differs from vi.md; both list the same figures under the same seeds');
  }
  const cited = new Set(vi.meta.sources.map((s) => s.seed));
  for (const seed of Object.keys(vi.meta.figures ?? {})) {
    if (!cited.has(seed)) problems.add(vi.file, `field "figures" lists seed "${seed}", which is not in "sources"`);
  }

  const whose = "the lesson's vi.md and en.md";
  const viPieces = lessonPieces('vi', vi.meta, vi.body);
  const enPieces = lessonPieces('en', en.meta, en.body);
  const quizPieces = questions.flatMap(questionPieces);
  checkPieces(vi.file, viPieces, figures, whose, problems);
  checkPieces(en.file, enPieces, figures, whose, problems);
  checkPieces(quizFile, quizPieces, figures, whose, problems);

  const used = new Set([...viPieces, ...enPieces, ...quizPieces].flatMap((p) => figuresIn(p.text)));
  for (const [figure, seed] of figures) {
    if (!used.has(figure)) problems.add(vi.file, `field "figures" lists "${figure}" (seed ${seed}), which the lesson and its quiz never use; remove it`);
  }
  return figures;
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The descriptions of a block's pictures, from its sanitised HTML. */
function altTexts(html: string): string[] {
  return [...html.matchAll(/\balt="([^"]*)"/g)].map((m) =>
    m[1]!.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) =>
      name.startsWith('#x') || name.startsWith('#X')
        ? String.fromCodePoint(parseInt(name.slice(2), 16))
        : name.startsWith('#')
          ? String.fromCodePoint(Number(name.slice(1)))
          : (entities[name] ?? whole),
    ),
  );
}
