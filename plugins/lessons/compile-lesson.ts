import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { quizSchema, type GlossaryEntry, type Lesson, type Section } from '../../src/shared/lesson.ts';
import type { FigureSources } from './check-figures.ts';
import { checkQuiz } from './check-quiz.ts';
import { checkLessonText } from './check-text.ts';
import type { Problems } from './content-error.ts';
import { formerIdsOf } from './former-ids.ts';
import { readMarkdownFile, readYamlFile } from './read-source.ts';
import { imagesIn } from './lesson-images.ts';
import { renderBody, type ImageResolver, type RenderedBody } from './render-markdown.ts';
import { frontMatterSchema, rules, type FrontMatter } from './source-schemas.ts';

interface LanguageFile {
  file: string;
  meta: FrontMatter;
  body: RenderedBody;
}

const languageName = { vi: 'Vietnamese', en: 'English' } as const;

export interface CompiledLesson {
  lesson: Lesson;
  /** Each section's plain text per language, in section order: what search looks through. */
  sectionText: { vi: string[]; en: string[] };
  /** The lesson's image files: published path (course/images/<name>.<hash>.<ext>) → source file. */
  images: Map<string, string>;
  /** The figures the lesson declares, for the final assessment's questions on it. */
  figures: FigureSources;
  /** Where the quiz came from, for problems found across lessons (a prompt asked twice). */
  quizFile: string;
}

/**
 * Compiles one lesson folder (NN-slug/{vi.md,en.md,quiz.yaml}) into the shape the phone reads,
 * recording every problem; returns undefined when the lesson cannot be built.
 */
export function compileLesson(dir: string, glossary: ReadonlyMap<string, GlossaryEntry>, problems: Problems): CompiledLesson | undefined {
  const before = problems.list.length;
  const folder = basename(dir);
  const images = new Map<string, string>();
  const resolveImage = imagesIn(dir, images);
  const vi = readLanguage(join(dir, 'vi.md'), problems, resolveImage);
  const en = readLanguage(join(dir, 'en.md'), problems, resolveImage);
  const quizFile = join(dir, 'quiz.yaml');
  if (!existsSync(quizFile)) problems.add(quizFile, 'is missing');
  const quiz = existsSync(quizFile) ? parseQuiz(quizFile, problems) : undefined;
  if (!vi || !en || !quiz) return undefined;

  const folderMatch = /^(\d{2})-([a-z0-9-]+)$/.exec(folder);
  if (!folderMatch) problems.add(dir, 'folder must be named NN-slug (two-digit order, then the lesson id)');
  else {
    if (Number(folderMatch[1]) !== vi.meta.order) problems.add(vi.file, `field "order" is ${vi.meta.order} but the folder says ${folderMatch[1]}`);
    if (folderMatch[2] !== vi.meta.id) problems.add(vi.file, `field "id" is "${vi.meta.id}" but the folder says "${folderMatch[2]}"`);
  }
  for (const field of ['id', 'order', 'minutes'] as const) {
    if (vi.meta[field] !== en.meta[field]) problems.add(en.file, `field "${field}" is ${JSON.stringify(en.meta[field])} but vi.md says ${JSON.stringify(vi.meta[field])}`);
  }
  const seeds = (f: LanguageFile) => f.meta.sources.map((s) => s.seed).join(', ');
  if (seeds(vi) !== seeds(en)) problems.add(en.file, `field "sources" cites seeds ${seeds(en)} but vi.md cites ${seeds(vi)}`);

  const sections = pairSections(vi, en, problems);
  const side = (f: LanguageFile) => ({ file: f.file, formerIds: f.meta.formerIds ?? [], sections: f.body.sections });
  const formerIds = formerIdsOf(side(vi), side(en), problems);
  for (const f of [vi, en]) {
    for (const [term, line] of f.body.terms) {
      if (!glossary.has(term)) problems.add(f.file, `line ${line}: term link "term:${term}" is not in glossary.yaml`);
    }
  }
  checkQuiz(quizFile, quiz, problems);
  const figures = checkLessonText({ vi, en, quizFile, questions: quiz.questions }, problems);
  if (problems.list.length > before) return undefined;

  const termIds = new Set([...vi.body.terms.keys(), ...en.body.terms.keys()]);
  const lesson: Lesson = {
    id: vi.meta.id,
    order: vi.meta.order,
    minutes: vi.meta.minutes,
    title: { vi: vi.meta.title, en: en.meta.title },
    summary: { vi: vi.meta.summary, en: en.meta.summary },
    sources: { vi: vi.meta.sources, en: en.meta.sources },
    sections,
    quiz,
    terms: [...glossary.values()].filter((g) => termIds.has(g.id)),
    ...formerIds,
  };
  const text = (f: LanguageFile) => f.body.sections.map((s) => s.blocks.map((b) => b.text).join('\n'));
  return { lesson, sectionText: { vi: text(vi), en: text(en) }, images, figures, quizFile };
}

function readLanguage(file: string, problems: Problems, resolveImage: ImageResolver): LanguageFile | undefined {
  if (!existsSync(file)) {
    problems.add(file, 'is missing');
    return undefined;
  }
  const source = readMarkdownFile(file, problems);
  if (!source) return undefined;
  const meta = frontMatterSchema.safeParse(source.frontMatter);
  if (!meta.success) {
    problems.addZod(file, meta.error, 'front matter');
    return undefined;
  }
  const body = renderBody(file, source.body, source.bodyLine, problems, resolveImage);
  const n = body.sections.length;
  if (n < rules.sections.min || n > rules.sections.max) {
    problems.add(file, `has ${n} sections; a lesson needs ${rules.sections.min} to ${rules.sections.max}`);
  }
  return { file, meta: meta.data, body };
}

function parseQuiz(file: string, problems: Problems) {
  const raw = readYamlFile(file, problems);
  if (raw === undefined) return undefined;
  const quiz = quizSchema.safeParse(raw);
  if (quiz.success) return quiz.data;
  problems.addZod(file, quiz.error, 'quiz');
  return undefined;
}

/**
 * The two languages must have the same sections in the same order and the same kinds of
 * blocks in each, so a trainee can switch language in place and read paragraphs side by side.
 */
function pairSections(vi: LanguageFile, en: LanguageFile, problems: Problems): Section[] {
  const sides = { vi, en };
  for (const [lang, other] of [['vi', 'en'], ['en', 'vi']] as const) {
    const mine = sides[lang];
    const theirs = new Set(sides[other].body.sections.map((s) => s.id));
    mine.body.sections.forEach((s, i) => {
      // A section without an id has been reported already.
      if (s.id && !theirs.has(s.id)) problems.add(mine.file, `section ${i + 1} (#${s.id}) has no ${languageName[other]} counterpart`);
    });
  }
  const ids = (f: LanguageFile) => f.body.sections.map((s) => s.id);
  for (const f of [vi, en]) {
    for (const id of new Set(ids(f).filter((id, i, all) => all.indexOf(id) !== i))) problems.add(f.file, `section id "#${id}" is used more than once`);
  }
  const sameSet = ids(vi).length === ids(en).length && ids(vi).every((id) => ids(en).includes(id));
  if (sameSet && ids(vi).join() !== ids(en).join()) {
    problems.add(en.file, `sections are in a different order from vi.md (${ids(en).join(', ')} vs ${ids(vi).join(', ')})`);
  }

  return vi.body.sections.flatMap((v, i) => {
    const e = en.body.sections[i];
    if (!e || e.id !== v.id) return [];
    if (v.blocks.length !== e.blocks.length) {
      problems.add(en.file, `section ${i + 1} (#${v.id}) has ${e.blocks.length} blocks but vi.md has ${v.blocks.length}; paragraphs must pair up`);
      return [];
    }
    v.blocks.forEach((b, j) => {
      const other = e.blocks[j]!;
      if (b.kind !== other.kind) problems.add(en.file, `line ${other.line}: block ${j + 1} of section #${v.id} is <${other.kind}> but vi.md has <${b.kind}>`);
      if (b.images.join() !== other.images.join()) {
        problems.add(en.file, `line ${other.line}: block ${j + 1} of section #${v.id} shows images [${other.images.join(', ')}] but vi.md shows [${b.images.join(', ')}]`);
      }
    });
    const words = (blocks: RenderedBody['sections'][number]['blocks']) => blocks.reduce((n, b) => n + b.text.split(/\s+/).filter(Boolean).length, 0);
    return [{
      id: v.id,
      title: { vi: v.title, en: e.title },
      blocks: v.blocks.map((b, j) => ({ vi: b.html, en: e.blocks[j]!.html })),
      words: Math.max(words(v.blocks), words(e.blocks)),
    }];
  });
}
