import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { compileCourse } from '../../plugins/lessons/compile-course.ts';
import { courseAssets } from '../../plugins/lessons/course-assets.ts';
import { App } from '../../src/app/App.tsx';
import type { LearnDb } from '../../src/data/store/learn-db.ts';
import { drawFinalQuestions } from '../../src/shared/final-draw.ts';
import { FINAL_ASSESSMENT_ID, type FinalQuestion } from '../../src/shared/lesson.ts';
import { optionOrder } from '../../src/shared/quiz-order.ts';
import { freshAppStore } from './app-store.ts';
import { drawSeeds } from './seeds.ts';

// The real course and its pool, served the way the built app is: fetch answers the hashed JSON files.
const course = compileCourse(join(import.meta.dirname, '../../content'));
const { files } = courseAssets(course);
const pool = course.finalAssessment;
const byId = new Map(pool.questions.map((q) => [q.id, q]));

beforeAll(() => import('../../src/app/pages/reading-screens.ts'));

/** The question on show: its id (from its inputs' name) and its option ids top to bottom. */
function questionOnShow(): { question: FinalQuestion; order: string[]; legend: string } {
  const fieldset = document.querySelector('form.quiz fieldset.quiz-question')!;
  const inputs = [...fieldset.querySelectorAll('input')];
  const question = byId.get(inputs[0]!.name.replace(/^q-/, ''))!;
  return { question, order: inputs.map((i) => i.value), legend: fieldset.querySelector('legend')!.textContent ?? '' };
}

/** Answers the question on show right, or wrong (one wrong option only), and moves on. */
function answer(right: boolean) {
  const { question } = questionOnShow();
  const ids = right ? question.options.filter((o) => o.correct).map((o) => o.id) : [question.options.find((o) => !o.correct)!.id];
  for (const id of ids) fireEvent.click(document.querySelector(`form.quiz input[value="${id}"]`)!);
  const next = screen.queryByRole('button', { name: 'Xem kết quả' }) ?? screen.getByRole('button', { name: 'Câu tiếp theo' });
  fireEvent.click(next);
}

/** Takes one attempt, answering the first `right` questions right; returns the ids asked, in order. */
async function takeAttempt(right: number): Promise<string[]> {
  const asked: string[] = [];
  for (let i = 0; i < pool.draw; i++) {
    const shown = questionOnShow();
    expect(shown.legend).toContain(`Câu ${i + 1}/${pool.draw}`);
    asked.push(shown.question.id);
    answer(i < right);
  }
  await screen.findByTestId('quiz-result');
  return asked;
}

async function serveCourse(url: string) {
  const source = files.get(String(url).replace(/^\//, ''));
  return source === undefined ? new Response('', { status: 404 }) : new Response(source, { headers: { 'Content-Type': 'application/json' } });
}

/** The final assessment's events on the phone, in the order they were recorded. */
const finalEvents = async (db: LearnDb) => (await db.events.toArray()).filter((e) => e.lessonId === FINAL_ASSESSMENT_ID).sort((a, b) => (a.at < b.at ? -1 : 1));

describe('the final assessment screen', () => {
  let db: LearnDb;
  beforeEach(() => {
    db = freshAppStore('final').db;
    vi.stubGlobal('fetch', serveCourse);
    window.scrollTo = () => {};
    history.replaceState(null, '', '/final');
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    history.replaceState(null, '', '/');
  });

  // First: the app keeps a course file it has loaded for the page's life, so later tests find it loaded.
  it('says why the questions cannot load, in the trainee\'s language, with a retry', async () => {
    const offline = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    vi.stubGlobal('fetch', offline);
    render(<App />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Chưa tải được nội dung này.');
    expect(screen.queryByRole('button', { name: 'Bắt đầu làm bài' })).toBeNull();
    vi.stubGlobal('fetch', serveCourse);
    fireEvent.click(screen.getByRole('button', { name: 'Thử lại' }));
    expect(await screen.findByRole('button', { name: 'Bắt đầu làm bài' })).toBeTruthy();
  });

  it('draws 20 questions stratified by lesson in the seed\'s order, marks them at the end, passes at 16 of 20 and records the attempt with its seed', async () => {
    const seed = 20_260_101;
    drawSeeds(seed);
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Bài kiểm tra cuối khóa' })).toBeTruthy();
    expect(document.title).toBe('Bài kiểm tra cuối khóa – Học Chính phủ số');
    expect(document.querySelector('.final')!.textContent).toContain('Cần trả lời đúng 16/20 câu (80%) để đạt.');
    fireEvent.click(await screen.findByRole('button', { name: 'Bắt đầu làm bài' }));
    // The first question takes focus: the button pressed is gone.
    expect(document.activeElement).toBe(document.querySelector('form.quiz fieldset'));

    const asked: string[] = [];
    for (let i = 0; i < pool.draw; i++) {
      const shown = questionOnShow();
      // Each question's options in the attempt seed's order; nothing marked while answering.
      expect(shown.order).toEqual(optionOrder(shown.question, seed).map((o) => o.id));
      asked.push(shown.question.id);
      answer(i < 16);
      if (i < pool.draw - 1) expect(document.querySelector('.quiz-feedback, .is-right, .is-wrong')).toBeNull();
    }
    await screen.findByTestId('quiz-result');

    expect(asked).toEqual(drawFinalQuestions(pool.questions, pool.draw, seed).map((q) => q.id));
    expect(new Set(asked).size).toBe(20);
    const perLesson = new Map<string, number>();
    for (const id of asked) perLesson.set(byId.get(id)!.lesson, (perLesson.get(byId.get(id)!.lesson) ?? 0) + 1);
    expect(perLesson.size).toBe(course.lessons.length);
    expect(Math.min(...perLesson.values())).toBeGreaterThanOrEqual(2);
    expect(Math.max(...perLesson.values())).toBeLessThanOrEqual(3);

    const result = screen.getByTestId('quiz-result');
    expect(result.textContent).toContain('Trả lời đúng 16/20 câu (80%).');
    expect(result.textContent).toContain('Đạt!');
    expect(document.activeElement).toBe(result);
    // The review: every question as it was asked, marked, with the lesson to reread.
    const review = screen.getByTestId('attempt-review');
    expect(review.querySelectorAll('.review-list > li')).toHaveLength(20);
    expect(review.querySelectorAll('.review-list > li > .quiz-wrong')).toHaveLength(4);
    const firstReviewed = [...review.querySelectorAll('.review-list > li')][0]!;
    expect([...firstReviewed.querySelectorAll('input')].map((i) => i.value)).toEqual(optionOrder(byId.get(asked[0]!)!, seed).map((o) => o.id));
    expect(firstReviewed.querySelector('a')!.getAttribute('href')).toBe(`/lessons/${byId.get(asked[0]!)!.lesson}`);

    await waitFor(async () => expect(await finalEvents(db)).toHaveLength(1));
    const [attempt] = await finalEvents(db);
    expect(attempt).toMatchObject({ type: 'quiz_answered', payload: { score: 0.8, passed: true, seed } });
    expect(Object.keys((attempt as { payload: { answers: object } }).payload.answers).sort()).toEqual([...asked].sort());
    expect((await db.progress.get(FINAL_ASSESSMENT_ID))?.bestScore).toBe(0.8);
    expect(await screen.findByText('Kết quả cao nhất: 80% (đạt), sau 1 lần làm bài.')).toBeTruthy();
  });

  it('fails below the pass mark, keeps the best attempt, and draws new questions for each retake', async () => {
    drawSeeds(11, 12);
    render(<App />);
    expect(await screen.findByText('Chưa làm bài lần nào.')).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Bắt đầu làm bài' }));
    const first = await takeAttempt(20);
    expect(screen.getByTestId('quiz-result').textContent).toContain('(100%)');

    fireEvent.click(screen.getByRole('button', { name: 'Làm lại với bộ câu hỏi mới' }));
    expect(document.activeElement).toBe(document.querySelector('form.quiz fieldset'));
    const second = await takeAttempt(15);
    expect(second).toEqual(drawFinalQuestions(pool.questions, pool.draw, 12).map((q) => q.id));
    expect(second).not.toEqual(first);
    const result = screen.getByTestId('quiz-result').textContent;
    expect(result).toContain('Trả lời đúng 15/20 câu (75%).');
    expect(result).toContain('Chưa đạt: cần 80%.');

    await waitFor(async () => expect(await finalEvents(db)).toHaveLength(2));
    expect((await finalEvents(db)).map((e) => [e.type, (e.payload as { seed: number }).seed, (e.payload as { passed: boolean }).passed])).toEqual([
      ['quiz_answered', 11, true],
      ['quiz_answered', 12, false],
    ]);
    // The best attempt is kept by the merge rules; no lesson or section is ever recorded for it.
    expect(await db.progress.get(FINAL_ASSESSMENT_ID)).toMatchObject({ bestScore: 1, completed: false, sectionsRead: [] });
    expect(await screen.findByText('Kết quả cao nhất: 100% (đạt), sau 2 lần làm bài.')).toBeTruthy();
  });
});
