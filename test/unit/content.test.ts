import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCourse, ContentError, toCatalogue } from '../../plugins/lessons/compile-course.ts';
import { courseAssets } from '../../plugins/lessons/course-assets.ts';
import { lessonSchema } from '../../src/shared/lesson.ts';
import { brokenCourse, fixtures, goodCourse } from './content-helpers.ts';

const problemsOf = (dir: string): string[] => {
  try {
    compileCourse(dir);
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
  return [];
};

describe('the real course in content/', () => {
  const course = compileCourse(join(import.meta.dirname, '../../content'));

  it('compiles: at least nine lessons, in order, each valid against the shared schema', () => {
    expect(course.lessons.length).toBeGreaterThanOrEqual(9);
    expect(course.lessons.map((l) => l.order)).toEqual([...course.lessons.map((l) => l.order)].sort((a, b) => a - b));
    for (const lesson of course.lessons) expect(lessonSchema.safeParse(lesson).success, lesson.id).toBe(true);
  });

  it('pairs every block in both languages and has 4 to 6 quiz questions per lesson', () => {
    for (const lesson of course.lessons) {
      expect(lesson.quiz.questions.length, lesson.id).toBeGreaterThanOrEqual(4);
      expect(lesson.quiz.questions.length, lesson.id).toBeLessThanOrEqual(6);
      for (const s of lesson.sections) for (const b of s.blocks) expect(b.vi && b.en, `${lesson.id}#${s.id}`).toBeTruthy();
    }
  });

  it('renders term links as buttons and leaves no Markdown, script or link behind', () => {
    const html = course.lessons.flatMap((l) => l.sections.flatMap((s) => s.blocks.flatMap((b) => [b.vi, b.en]))).join('\n');
    expect(html).toMatch(/<button type="button" class="term" data-term="[a-z0-9-]+">/);
    expect(html).not.toMatch(/<script|<a |href=|\]\(term:|^## /m);
  });

  it('has a glossary with every term in both languages', () => {
    expect(course.glossary.length).toBeGreaterThanOrEqual(10);
    for (const g of course.glossary) for (const lang of ['vi', 'en'] as const) expect(g[lang].term && g[lang].definition).toBeTruthy();
  });

  it('gives the server a catalogue of every lesson, section, question and option id', () => {
    const catalogue = toCatalogue(course);
    const first = course.lessons[0]!;
    expect(catalogue.lessons).toHaveLength(course.lessons.length);
    expect(catalogue.lessons[0]).toEqual({
      id: first.id,
      sections: first.sections.map((s) => s.id),
      questions: first.quiz.questions.map((q) => ({ id: q.id, options: q.options.map((o) => o.id) })),
    });
  });

  it('emits content-hashed files named in a small index', () => {
    const { index, files } = courseAssets(course);
    for (const lesson of index.lessons) expect(files.has(lesson.url.slice(1)), lesson.url).toBe(true);
    expect(index.lessons[0]!.url).toMatch(/^\/course\/lessons\/[a-z0-9-]+\.[0-9a-f]{10}\.json$/);
    expect(JSON.stringify(index).length).toBeLessThan(12_000);
    expect(files.has(index.searchUrl.slice(1)) && files.has(index.glossaryUrl.slice(1))).toBe(true);
    const pictures = index.lessons.flatMap((l) => l.images);
    expect(pictures.length).toBeGreaterThan(0);
    for (const url of pictures) expect(files.get(url.slice(1)), url).toBeInstanceOf(Uint8Array);
  });
});

describe('compileCourse on the fixture course', () => {
  it('accepts the good fixture, with the default pass mark and the linked terms attached', () => {
    const { lessons, warnings } = compileCourse(goodCourse);
    expect(warnings).toEqual([]);
    expect(lessons[0]!.quiz.passMark).toBe(0.7);
    expect(lessons[0]!.terms.map((t) => t.id).sort()).toEqual(['cloud-computing', 'e-government']);
    expect(lessons[0]!.sections[2]!.blocks[0]!.vi).toBe('<ul>\n<li>Mục một</li>\n<li>Mục hai</li>\n</ul>');
  });

  it('publishes a picture under a hashed name with its size and each language\'s description, and lists it for offline use', () => {
    const course = compileCourse(goodCourse);
    const picture = course.lessons[0]!.sections[3]!.blocks[1]!;
    const src = /src="([^"]+)"/.exec(picture.vi)?.[1];
    expect(src).toMatch(/^\/course\/images\/diagram\.[0-9a-f]{10}\.svg$/);
    expect(picture.vi).toContain('alt="Một hình chữ nhật đỏ" width="40" height="20" loading="lazy"');
    expect(picture.en).toContain('alt="A red rectangle"');
    const { index, files } = courseAssets(course);
    expect(index.lessons[0]!.images).toEqual([src]);
    expect(new TextDecoder().decode(files.get(src!.slice(1)) as Uint8Array)).toContain('<svg');
  });

  const sample = 'lessons/01-sample';
  const cases: Array<[string, string]> = [
    ['extra-section-en', `${sample}/en.md: section 4 (#conclusion) has no Vietnamese counterpart`],
    ['extra-section-en', `${sample}/vi.md: section 4 (#end) has no English counterpart`],
    ['block-count', `${sample}/en.md: section 2 (#cloud) has 2 blocks but vi.md has 1`],
    ['block-kind', `${sample}/en.md: line 23: block 1 of section #list is <p> but vi.md has <ul>`],
    ['section-order', `${sample}/en.md: sections are in a different order from vi.md`],
    ['unknown-term', `${sample}/vi.md: line 19: term link "term:big-data" is not in glossary.yaml`],
    ['single-two-correct', `${sample}/quiz.yaml: question 1 ("city") is single choice but has 2 correct options`],
    ['multiple-one-correct', `${sample}/quiz.yaml: question 2 ("topics") is multiple choice but has 1 correct option`],
    ['minutes-not-number', `${sample}/en.md: front matter field "minutes": Invalid input: expected number`],
    ['id-mismatch', `${sample}/en.md: field "id" is "sample-two" but vi.md says "sample"`],
    ['quiz-yaml-syntax', `${sample}/quiz.yaml: YAML line 3: Flow sequence in block collection`],
    ['glossary-missing-english', 'glossary.yaml: glossary field "[1].en": Invalid input'],
    ['external-link', `${sample}/vi.md: line 28: link to "https://example.com": only term: links are allowed`],
    ['heading-without-id', `${sample}/vi.md: line 21: section heading "Danh sách" has no {#section-id}`],
    ['missing-quiz', `${sample}/quiz.yaml: is missing`],
    ['image-without-description', `${sample}/vi.md: line 30: image "diagram.svg" needs a description`],
    ['image-missing', `${sample}/en.md: line 30: image "missing.svg" is not in the lesson folder`],
    ['image-elsewhere', `${sample}/vi.md: line 30: image "https://example.com/photo.jpg": name a kebab-case .svg or .png file in the lesson folder`],
    ['image-unsized', `${sample}/vi.md: line 30: image "diagram.svg": its width and height cannot be read`],
    ['image-mismatch', `${sample}/en.md: line 30: block 2 of section #end shows images [other.svg] but vi.md shows [diagram.svg]`],
  ];

  it('has a test for every broken fixture', () => {
    expect(readdirSync(join(fixtures, 'broken')).sort()).toEqual([...new Set(cases.map(([name]) => name))].sort());
  });

  for (const [name, message] of cases) {
    it(`rejects ${name}, naming the file and the problem`, () => {
      const { dir, cleanup } = brokenCourse(name);
      try {
        const problems = problemsOf(dir);
        expect(problems.some((p) => p.includes(message)), `${message}\nnot in:\n${problems.join('\n')}`).toBe(true);
      } finally {
        cleanup();
      }
    });
  }

  it('names files relative to the working directory and lists every problem at once', () => {
    const { dir, cleanup } = brokenCourse('extra-section-en');
    try {
      const error = (() => {
        try {
          compileCourse(dir);
        } catch (e) {
          return e as ContentError;
        }
      })();
      expect(error?.message).toMatch(/^The course content has \d+ problems:\n- /);
      expect(error?.problems.length).toBeGreaterThanOrEqual(2);
    } finally {
      cleanup();
    }
  });
});

describe('lessonsPlugin', () => {
  it('fails the build on a broken lesson, with the problems in the message', async () => {
    const { lessonsPlugin } = await import('../../plugins/lessons/index.ts');
    const { dir, cleanup } = brokenCourse('block-count');
    try {
      const plugin = lessonsPlugin({ contentDir: dir });
      const load = plugin.load as (id: string) => unknown;
      expect(() => load.call({}, '\0virtual:course-index')).toThrow(/section 2 \(#cloud\) has 2 blocks but vi\.md has 1/);
    } finally {
      cleanup();
    }
  });

  it('gives the app the index as a module', async () => {
    const { lessonsPlugin } = await import('../../plugins/lessons/index.ts');
    const plugin = lessonsPlugin({ contentDir: goodCourse });
    const code = (plugin.load as (id: string) => string).call({}, '\0virtual:course-index');
    const index = JSON.parse(code.replace(/^export default /, '').replace(/;$/, ''));
    expect(index.lessons.map((l: { id: string }) => l.id)).toEqual(['sample']);
  });
});
