import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCourse, ContentError } from '../../plugins/lessons/compile-course.ts';
import { toCatalogue } from '../../src/shared/catalogue.ts';
import { courseAssets } from '../../plugins/lessons/course-assets.ts';
import { indexCatalogue } from '../../src/server/course/catalogue-index.ts';
import { placeEvent } from '../../src/server/sync/place-event.ts';
import { learnerEventSchema, type LearnerEvent } from '../../src/shared/events.ts';
import { drawFinalQuestions } from '../../src/shared/final-draw.ts';
import { formatHlc } from '../../src/shared/hlc.ts';
import { foldEvents } from '../../src/shared/merge-progress.ts';
import { FINAL_ASSESSMENT_ID, finalAssessmentSchema, lessonSchema, type QuizQuestion } from '../../src/shared/lesson.ts';
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
    expect(catalogue.lessons).toHaveLength(course.lessons.length + 1);
    expect(catalogue.lessons[0]).toEqual({
      id: first.id,
      sections: first.sections.map((s) => s.id),
      questions: first.quiz.questions.map((q) => ({ id: q.id, options: q.options.map((o) => o.id) })),
    });
  });

  it('lists the final assessment in the catalogue as a lesson with no sections, so its attempts sync like a quiz', () => {
    const entry = toCatalogue(course).lessons.find((l) => l.id === FINAL_ASSESSMENT_ID);
    expect(entry).toEqual({
      id: FINAL_ASSESSMENT_ID,
      sections: [],
      questions: course.finalAssessment.questions.map((q) => ({ id: q.id, options: q.options.map((o) => o.id) })),
    });
  });

  it('lets the server place a final-assessment attempt drawn on the phone (an unknown question is flagged), and merge attempts keeping each and the best', () => {
    const drawn = drawFinalQuestions(course.finalAssessment.questions, course.finalAssessment.draw, 7);
    const attempt = (id: string, score: number, answers: Record<string, string[]>): LearnerEvent =>
      learnerEventSchema.parse({
        id,
        deviceId: '0190f5a6-7b8c-4d9e-8f01-23456789abc0',
        lessonId: FINAL_ASSESSMENT_ID,
        at: formatHlc(1_700_000_000_000 + score * 1000, 0),
        type: 'quiz_answered',
        payload: { answers, score, passed: score >= course.finalAssessment.passMark, seed: 7 },
      });
    const right = Object.fromEntries(drawn.map((q) => [q.id, q.options.filter((o) => o.correct).map((o) => o.id)]));
    const events = [attempt('0190f5a6-7b8c-7d9e-8f01-23456789abc1', 1, right), attempt('0190f5a6-7b8c-7d9e-8f01-23456789abc2', 0.5, right)];
    const catalogue = indexCatalogue(toCatalogue(course));
    expect(events.map((e) => placeEvent(e, catalogue))).toEqual([undefined, undefined]);
    // An attempt at a question a later pool no longer has still counts: the test was taken.
    expect(placeEvent(attempt('0190f5a6-7b8c-7d9e-8f01-23456789abc3', 1, { 'no-such-question': ['a'] }), catalogue)).toBeUndefined();
    const progress = foldEvents(events)[FINAL_ASSESSMENT_ID]!;
    expect(progress.attempts).toHaveLength(2);
    expect(progress.bestScore).toBe(1);
  });

  it('has a final assessment of at least 40 questions over every lesson, drawing 20 with a pass mark of 80%', () => {
    const { finalAssessment } = course;
    expect(finalAssessmentSchema.safeParse(finalAssessment).success).toBe(true);
    expect(finalAssessment.questions.length).toBeGreaterThanOrEqual(40);
    expect(finalAssessment.draw).toBe(20);
    expect(finalAssessment.passMark).toBe(0.8);
    const perLesson = (id: string) => finalAssessment.questions.filter((q) => q.lesson === id).length;
    // A draw of 20 over nine lessons asks two or three per lesson: each needs a few to choose from.
    for (const lesson of course.lessons) expect(perLesson(lesson.id), lesson.id).toBeGreaterThanOrEqual(4);
  });

  it('keeps the answer keys off the first option: at most 40% of single-choice keys, in the lesson quizzes and in the final pool', () => {
    const firstShare = (questions: QuizQuestion[]) => {
      const singles = questions.filter((q) => q.kind === 'single');
      return singles.filter((q) => q.options[0]!.correct).length / singles.length;
    };
    expect(firstShare(course.lessons.flatMap((l) => l.quiz.questions))).toBeLessThanOrEqual(0.4);
    expect(firstShare(course.finalAssessment.questions)).toBeLessThanOrEqual(0.4);
  });

  it('gives every multiple-choice question at least two wrong options', () => {
    const questions = [...course.lessons.flatMap((l) => l.quiz.questions), ...course.finalAssessment.questions];
    for (const q of questions.filter((q) => q.kind === 'multiple')) {
      expect(q.options.filter((o) => !o.correct).length, q.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('emits the final assessment as a content-hashed file named in the index', () => {
    const { index, files } = courseAssets(course);
    expect(index.finalAssessment).toEqual({ url: expect.stringMatching(/^\/course\/final-assessment\.[0-9a-f]{10}\.json$/), passMark: 0.8, draw: 20 });
    const published = JSON.parse(files.get(index.finalAssessment.url.slice(1)) as string);
    expect(finalAssessmentSchema.parse(published)).toEqual(course.finalAssessment);
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
  const cases: Array<[string, string | RegExp]> = [
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
    ['multiple-one-wrong', `${sample}/quiz.yaml: question 2 ("topics") is multiple choice but has 1 wrong option; it needs at least 2`],
    ['final-multiple-one-wrong', 'final-assessment.yaml: question 2 ("final-topics") is multiple choice but has 1 wrong option; it needs at least 2'],
    ['repeated-prompt', /final-assessment\.yaml: question 1 \("final-city"\) repeats \S*lessons\/01-sample\/quiz\.yaml question 1 \("city"\)/],
    ['informal-you', `${sample}/vi.md: line 15: "bạn" addresses the reader informally; write impersonally, or "anh/chị", or "học viên"`],
    ['informal-you', `${sample}/quiz.yaml: question 2 ("topics") vi prompt: "Bạn" addresses the reader informally`],
    ['new-style-tone', `${sample}/vi.md: line 28: "khoá": write "khóa"`],
    ['new-style-tone', 'glossary.yaml: term "e-government" vi definition: "Khoá": write "Khóa"'],
    ['lowercase-e-government', `${sample}/en.md: line 19: "e-government": write "e-Government"`],
    ['unsourced-figure', `${sample}/vi.md: line 19: figure "2019" has no source: list each under the seed it comes from in the lesson's vi.md and en.md front matter "figures"`],
    ['unsourced-figure', `${sample}/en.md: line 19: figure "2019" has no source`],
    ['figure-list-wrong', `${sample}/vi.md: field "figures" lists seed "001", which is not in "sources"`],
    ['figure-list-wrong', `${sample}/vi.md: field "figures" lists "42" (seed 002), which the lesson and its quiz never use; remove it`],
    ['figures-differ', `${sample}/en.md: field "figures" differs from vi.md; both list the same figures under the same seeds`],
    ['final-figure', 'final-assessment.yaml: question 1 ("final-city") option "a" (vi): figure "1802" has no source: list each under the seed it comes from in lesson "sample"\'s front matter "figures"'],
    ['final-unknown-lesson', 'final-assessment.yaml: question 1 ("final-city"): lesson "samples" is not a lesson of the course'],
    ['final-draw-too-big', 'final-assessment.yaml: field "draw" is 10 but the pool has only 3 questions'],
    ['final-missing', 'final-assessment.yaml: is missing'],
  ];

  it('has a test for every broken fixture', () => {
    expect(readdirSync(join(fixtures, 'broken')).sort()).toEqual([...new Set(cases.map(([name]) => name))].sort());
  });

  for (const [name, message] of cases) {
    it(`rejects ${name}, naming the file and the problem`, () => {
      const { dir, cleanup } = brokenCourse(name);
      try {
        const problems = problemsOf(dir);
        const found = problems.some((p) => (typeof message === 'string' ? p.includes(message) : message.test(p)));
        expect(found, `${message}\nnot in:\n${problems.join('\n')}`).toBe(true);
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
