import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { compileCourse } from '../../plugins/lessons/compile-course.ts';
import { animationsDone, openSettings, tapOnBar } from './browser.ts';

/*
 * Every screen the issue lists, reached the way a trainee reaches it, in either language: the
 * accessibility and geometry checks walk the same list.
 */

const course = compileCourse(join(import.meta.dirname, '../../content'));
export const lesson = course.lessons[0]!;
/** The final assessment's pool, to answer whichever questions an attempt draws. */
export const finalPool = course.finalAssessment;
export type Lang = 'vi' | 'en';

const words = {
  vi: { both: 'Song ngữ: tiếng Việt và tiếng Anh', follow: 'Theo ngôn ngữ ứng dụng', check: 'Kiểm tra đáp án', next: 'Câu tiếp theo', finish: 'Xem kết quả', start: 'Bắt đầu làm bài' },
  en: { both: 'Both: Vietnamese and English', follow: 'Same as the app language', check: 'Check answer', next: 'Next question', finish: 'See results', start: 'Start the assessment' },
};
export const labels = (lang: Lang) => words[lang];

const settled = async (page: Page) => {
  await page.locator('main h1').first().waitFor();
  // The data layer has answered (progress and the status chip are filled in).
  await page.waitForFunction(() => document.querySelector('[data-testid="status-chip"]')?.getAttribute('data-kind') !== null);
};

async function openLesson(page: Page) {
  await page.goto(`/lessons/${lesson.id}`);
  // Drawn a section per paint, the note last: every part is on the page for the checks.
  await page.locator('#note-title').waitFor();
  await settled(page);
}

/** Chooses what lessons show in the settings sheet and closes it. */
export async function lessonText(page: Page, lang: Lang, both: boolean) {
  await openSettings(page);
  await page.getByRole('dialog').getByRole('radio', { name: both ? words[lang].both : words[lang].follow, exact: true }).check();
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

/** Answers the quiz's questions right, in the page's language, up to question `upTo` (checked, not yet moved on) or to the result. */
export async function answerQuiz(page: Page, lang: Lang, upTo = lesson.quiz.questions.length) {
  const w = words[lang];
  for (const [i, q] of lesson.quiz.questions.slice(0, upTo).entries()) {
    const group = page.locator('fieldset.quiz-question');
    for (const o of q.options.filter((o) => o.correct)) await group.getByLabel(o[lang], { exact: true }).check();
    await page.getByRole('button', { name: w.check }).click();
    if (i === upTo - 1 && upTo < lesson.quiz.questions.length) return;
    await page.getByRole('button', { name: i === lesson.quiz.questions.length - 1 ? w.finish : w.next }).click();
  }
  await expect.poll(() => page.locator('.quiz-result').count()).toBe(1);
}

/**
 * Starts a final assessment attempt on /final and answers its questions right, in the page's
 * language: up to question `upTo` (chosen, not yet moved on) or to the result. Whichever
 * questions the attempt drew, each is found in the pool by its inputs' name (q-<id>).
 */
export async function answerFinal(page: Page, lang: Lang, upTo = finalPool.draw) {
  const w = words[lang];
  await page.getByRole('button', { name: w.start }).click();
  for (let i = 0; i < upTo; i++) {
    const group = page.locator('form.quiz fieldset.quiz-question');
    await expect.poll(() => group.locator('legend').textContent()).toMatch(lang === 'vi' ? `Câu ${i + 1}/${finalPool.draw}` : `Question ${i + 1} of ${finalPool.draw}`);
    const id = (await group.locator('input').first().getAttribute('name'))!.replace(/^q-/, '');
    const question = finalPool.questions.find((q) => q.id === id)!;
    for (const o of question.options.filter((o) => o.correct)) await group.getByLabel(o[lang], { exact: true }).check();
    if (i === upTo - 1 && upTo < finalPool.draw) return;
    await page.getByRole('button', { name: i === finalPool.draw - 1 ? w.finish : w.next }).click();
  }
  await page.getByTestId('quiz-result').waitFor();
}

const openFinal = async (page: Page) => {
  await page.goto('/final');
  await page.locator('.final-start button').waitFor();
  await settled(page);
};

export interface ScreenVisit {
  name: string;
  /** Opens the screen from wherever the page is; resolves once it is drawn and its data shown. */
  open(page: Page, lang: Lang): Promise<void>;
}

export const screenVisits: ScreenVisit[] = [
  {
    name: 'home',
    open: async (page) => {
      await page.goto('/');
      await settled(page);
      // The course's progress has filled in too (the continue card and the marks on the list).
      await page.waitForFunction(() => performance.getEntriesByName('egov:courseProgress').length > 0);
    },
  },
  { name: 'lesson in the app language', open: openLesson },
  {
    name: 'lesson in both languages',
    open: async (page, lang) => {
      await openLesson(page);
      await lessonText(page, lang, true);
      await page.locator('.pair-both').first().waitFor();
    },
  },
  {
    name: 'quiz question with feedback',
    open: async (page, lang) => {
      await openLesson(page);
      await lessonText(page, lang, false);
      await answerQuiz(page, lang, 1);
      await page.locator('.quiz-feedback p').first().waitFor();
    },
  },
  {
    name: 'quiz result',
    open: async (page, lang) => {
      await openLesson(page);
      await answerQuiz(page, lang);
    },
  },
  {
    name: 'final assessment question',
    open: async (page, lang) => {
      await openFinal(page);
      await answerFinal(page, lang, 1);
      // The draw is random: a long first question leaves its button below the fold, behind the
      // tab bar (2 draws in 12 on a phone), where the trainee scrolls to reach it; axe counts a
      // covered button as a target too small to tap. Seen as the trainee sees it before tapping.
      await page.locator('form.quiz .primary').scrollIntoViewIfNeeded();
    },
  },
  { name: 'final assessment result and review', open: async (page, lang) => (await openFinal(page), await answerFinal(page, lang)) },
  {
    name: 'term dialog',
    open: async (page) => {
      await openLesson(page);
      await page.locator('button.term').first().click();
      await page.locator('dialog.term-dialog[open]').waitFor();
    },
  },
  { name: 'glossary', open: async (page) => (await page.goto('/glossary'), await page.locator('.glossary-list li').first().waitFor(), await settled(page)) },
  { name: 'search', open: async (page) => (await page.goto('/search?q=chinh%20phu'), await page.locator('.search-result').first().waitFor(), await settled(page)) },
  { name: 'me', open: async (page) => (await page.goto('/me'), await page.getByTestId('my-results').waitFor(), await settled(page)) },
  { name: 'enrol', open: async (page) => (await page.goto('/enrol'), await page.locator('#enrol-code').waitFor(), await settled(page)) },
  {
    name: 'sync details',
    open: async (page) => {
      await page.goto('/');
      await settled(page);
      await tapOnBar(page.getByTestId('status-chip'));
      await page.getByTestId('sync-status').waitFor();
      await animationsDone(page);
    },
  },
  {
    name: 'settings sheet',
    open: async (page) => {
      await page.goto('/');
      await settled(page);
      await openSettings(page);
    },
  },
];
