import { join } from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { compileCourse } from '../../plugins/lessons/compile-course.ts';
import { courseAssets } from '../../plugins/lessons/course-assets.ts';
import { App } from '../../src/app/App.tsx';
import type { LearnDb } from '../../src/data/store/learn-db.ts';
import { freshAppStore } from './app-store.ts';
import { drawSeeds } from './seeds.ts';

// The real course, served the way the built app is: fetch answers the hashed JSON files.
const course = compileCourse(join(import.meta.dirname, '../../content'));
const { files } = courseAssets(course);
const lesson = course.lessons[0]!;

function serveCourse() {
  vi.stubGlobal('fetch', async (url: string) => {
    const source = files.get(String(url).replace(/^\//, ''));
    return source === undefined ? new Response('', { status: 404 }) : new Response(source, { headers: { 'Content-Type': 'application/json' } });
  });
}

// The lesson screen and the settings sheet are lazy chunks: transformed once here, not within a test's wait.
beforeAll(() => Promise.all([import('../../src/app/pages/reading-screens.ts'), import('../../src/app/pages/me-screens.ts')]));

describe('the lesson page', () => {
  let db: LearnDb;
  beforeEach(() => {
    db = freshAppStore('lesson-page').db;
    serveCourse();
    window.scrollTo = () => {};
    history.replaceState(null, '', `/lessons/${lesson.id}`);
  });
  afterEach(async () => {
    cleanup();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    history.replaceState(null, '', '/');
  });

  it('fetches the lesson and shows its sections in the app language', async () => {
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: lesson.title.vi })).toBeTruthy();
    await screen.findByRole('heading', { level: 2, name: lesson.sections[0]!.title.vi });
    await screen.findByRole('heading', { level: 2, name: 'Nguồn tham khảo' });
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      ...lesson.sections.map((s) => s.title.vi),
      'Bài kiểm tra',
      'Ghi chú cá nhân',
      'Nguồn tham khảo',
    ]);
  });

  it('draws a lesson opened at its top one part after each paint: each section, the quiz, then the note and sources', async () => {
    const drawn: string[][] = [];
    const observer = new MutationObserver(() => {
      const headings = [...document.querySelectorAll('h2')].map((h) => h.textContent ?? '');
      if (headings.length && headings.join('|') !== drawn.at(-1)?.join('|')) drawn.push(headings);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    render(<App />);
    await screen.findByRole('heading', { level: 2, name: 'Nguồn tham khảo' });
    observer.disconnect();
    const titles = lesson.sections.map((s) => s.title.vi);
    expect(drawn).toEqual([
      ...titles.map((_, i) => titles.slice(0, i + 1)),
      [...titles, 'Bài kiểm tra'],
      [...titles, 'Bài kiểm tra', 'Ghi chú cá nhân', 'Nguồn tham khảo'],
    ]);
  });

  it('draws a lesson opened further down up to its place at once, so that can be scrolled to, and the rest after', async () => {
    const last = lesson.sections.at(-1)!;
    history.replaceState(null, '', `/lessons/${lesson.id}?section=${last.id}`);
    const scrolled: string[] = [];
    vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(function (this: HTMLElement) {
      scrolled.push(this.id);
    });
    render(<App />);
    await screen.findByRole('heading', { level: 2, name: lesson.sections[0]!.title.vi });
    // In the same render as the first section: nothing waits for a second one.
    expect(screen.getByRole('heading', { level: 2, name: last.title.vi })).toBeTruthy();
    await waitFor(() => expect(scrolled).toContain(`section-${last.id}`));
    expect(await screen.findByRole('heading', { level: 2, name: 'Nguồn tham khảo' })).toBeTruthy();
  });

  it('reopens where the trainee left off with the sections up to there, and at its top in steps', async () => {
    const [first, second, third] = lesson.sections;
    localStorage.setItem(`egov-learn.position.${lesson.id}`, JSON.stringify({ sectionId: second!.id, block: 0 }));
    const { unmount } = render(<App />);
    await screen.findByRole('heading', { level: 2, name: first!.title.vi });
    expect(screen.getByRole('heading', { level: 2, name: second!.title.vi })).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 2, name: third!.title.vi })).toBeNull();
    // Room below, so the place can come to the top of the screen before the rest is drawn.
    expect(document.querySelector('.drawing-room')).not.toBeNull();
    expect(await screen.findByRole('heading', { level: 2, name: 'Nguồn tham khảo' })).toBeTruthy();
    expect(document.querySelector('.drawing-room')).toBeNull();
    unmount();

    // Left off at the top (the place is saved as soon as the lesson is open): the first section alone.
    localStorage.setItem(`egov-learn.position.${lesson.id}`, JSON.stringify({ sectionId: first!.id, block: 0 }));
    render(<App />);
    await screen.findByRole('heading', { level: 2, name: first!.title.vi });
    expect(screen.queryByRole('heading', { level: 2, name: second!.title.vi })).toBeNull();
    expect(await screen.findByRole('heading', { level: 2, name: 'Nguồn tham khảo' })).toBeTruthy();
  });

  it('switches the reading mode in place from the settings sheet and keeps the choice', async () => {
    render(<App />);
    await screen.findByRole('heading', { level: 2, name: lesson.sections[0]!.title.vi });
    fireEvent.click(screen.getByRole('button', { name: 'Cài đặt đọc' }));
    // The app language sets the lesson's language too.
    fireEvent.click(await screen.findByRole('radio', { name: 'English' }));
    expect(await screen.findByRole('heading', { level: 2, name: lesson.sections[0]!.title.en })).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Both: Vietnamese and English' }));
    await waitFor(() => expect(document.querySelectorAll('.pair-both').length).toBeGreaterThan(0));
    expect(localStorage.getItem('egov-learn.readingMode')).toBe('"both"');
    // Both languages stay when the app language changes again.
    fireEvent.click(screen.getByRole('radio', { name: 'Tiếng Việt' }));
    await screen.findByRole('radio', { name: 'Song ngữ: tiếng Việt và tiếng Anh' });
    expect(document.querySelectorAll('.pair-both').length).toBeGreaterThan(0);
  });

  it('records a passed quiz through the data layer, with the seed its options were shuffled with, and shows the best score', async () => {
    drawSeeds(424242);
    render(<App />);
    await screen.findByRole('heading', { name: 'Bài kiểm tra' });
    for (const [i, q] of lesson.quiz.questions.entries()) {
      for (const o of q.options.filter((o) => o.correct)) fireEvent.click(screen.getByRole(q.kind === 'single' ? 'radio' : 'checkbox', { name: o.vi }));
      fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra đáp án' }));
      fireEvent.click(screen.getByRole('button', { name: i === lesson.quiz.questions.length - 1 ? 'Xem kết quả' : 'Câu tiếp theo' }));
    }
    expect(document.querySelector('.quiz-result')?.textContent).toContain('(100%)');
    await waitFor(async () => expect((await db.progress.get(lesson.id))?.bestScore).toBe(1));
    const [attempt] = (await db.events.toArray()).filter((e) => e.type === 'quiz_answered');
    expect(attempt).toMatchObject({ lessonId: lesson.id, payload: { score: 1, passed: true, seed: 424242 } });
    expect(await screen.findByText(/điểm kiểm tra cao nhất 100%/)).toBeTruthy();
  });

  it('bookmarks a section and saves a note through the data layer', async () => {
    render(<App />);
    const first = lesson.sections[0]!;
    fireEvent.click(await screen.findByRole('button', { name: `Đánh dấu phần “${first.title.vi}”` }));
    await waitFor(async () => expect((await db.progress.get(lesson.id))?.bookmarks).toEqual([first.id]));
    await waitFor(() => expect(screen.getByRole('button', { name: `Đánh dấu phần “${first.title.vi}”` }).getAttribute('aria-pressed')).toBe('true'));

    // The note is drawn last, a step after each paint (LessonPage.tsx): on a busy machine after the bookmark's answer.
    fireEvent.input(await screen.findByLabelText('Ghi chú cho bài này (chỉ học viên xem được)'), { target: { value: 'Hỏi lại Sở về cổng dịch vụ công.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu ghi chú' }));
    await waitFor(async () => expect((await db.progress.get(lesson.id))?.note).toBe('Hỏi lại Sở về cổng dịch vụ công.'));
    await waitFor(() => expect(document.querySelector('.note-actions')?.textContent).toContain('Đã lưu ghi chú.'));
    expect(screen.getByTestId('live-region').textContent).toBe('Đã lưu ghi chú.');
  });

  it('says so, with a retry, when the lesson is not on the phone and there is no network', async () => {
    // A lesson no other test opened: fetched files are kept for the session.
    const other = course.lessons.at(-1)!;
    history.replaceState(null, '', `/lessons/${other.id}`);
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    render(<App />);
    expect((await screen.findByRole('alert')).textContent).toContain('Chưa tải được nội dung này');
    serveCourse();
    fireEvent.click(screen.getByRole('button', { name: 'Thử lại' }));
    expect(await screen.findByRole('heading', { level: 2, name: other.sections[0]!.title.vi })).toBeTruthy();
  });

  it('links to the previous and next lessons', async () => {
    history.replaceState(null, '', `/lessons/${course.lessons[1]!.id}`);
    render(<App />);
    const nav = await screen.findByRole('navigation', { name: 'Bài trước và bài tiếp theo' });
    expect([...nav.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual([
      `/lessons/${course.lessons[0]!.id}`,
      `/lessons/${course.lessons[2]!.id}`,
    ]);
  });
});
