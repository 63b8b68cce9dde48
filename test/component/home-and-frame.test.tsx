import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/App.tsx';
import { courseStanding, CourseSummary } from '../../src/app/components/home/CourseSummary.tsx';
import { FinalAssessmentCard } from '../../src/app/components/home/FinalAssessmentCard.tsx';
import { course } from '../../src/app/content/course.ts';
import { lazyScreen } from '../../src/app/shell/lazy-screen.ts';
import { ScreenBoundary } from '../../src/app/shell/ScreenBoundary.tsx';
import type { LearnerEvent } from '../../src/shared/events.ts';
import { FINAL_ASSESSMENT_ID } from '../../src/shared/lesson.ts';
import { foldEvents } from '../../src/shared/merge-progress.ts';

afterEach(() => {
  vi.restoreAllMocks();
  history.replaceState(null, '', '/');
});

let n = 0;
const event = (lessonId: string, type: LearnerEvent['type'], payload: object): LearnerEvent =>
  ({ id: crypto.randomUUID(), deviceId: 'device-one', lessonId, at: `${String(1_700_000_000_000 + ++n)}:00000`, type, payload }) as LearnerEvent;

describe('the home screen', () => {
  it('counts completed lessons, and sections read and quizzes passed as a share of the course, and suggests the first lesson not completed', () => {
    const [first, second] = course.lessons;
    expect(courseStanding(course.lessons, {})).toMatchObject({ completed: 0, percent: 0, next: first });
    const steps = course.lessons.reduce((sum, l) => sum + l.sectionIds.length + 1, 0);
    const progress = foldEvents([
      ...first!.sectionIds.map((sectionId) => event(first!.id, 'section_read', { sectionId })),
      event(first!.id, 'quiz_answered', { answers: {}, score: 1, passed: true }),
      event(first!.id, 'lesson_completed', {}),
      event(second!.id, 'section_read', { sectionId: second!.sectionIds[0] }),
    ]);
    expect(courseStanding(course.lessons, progress)).toEqual({
      completed: 1,
      total: course.lessons.length,
      percent: Math.floor(((first!.sectionIds.length + 2) / steps) * 100),
      next: second,
    });
  });

  it('lists the final assessment after the lessons, and suggests it once every lesson is completed, until it is passed', () => {
    const completeAll = course.lessons.map((l) => event(l.id, 'lesson_completed', {}));
    const { unmount } = render(<CourseSummary lessons={course.lessons} progress={foldEvents(completeAll)} />);
    const suggested = screen.getByRole('link', { name: /Bài kiểm tra cuối khóa/ });
    expect(suggested.getAttribute('href')).toBe('/final');
    expect(suggested.textContent).toContain('Nên làm tiếp');
    unmount();
    const passed = foldEvents([...completeAll, event(FINAL_ASSESSMENT_ID, 'quiz_answered', { answers: {}, score: 0.9, passed: true })]);
    render(<CourseSummary lessons={course.lessons} progress={passed} />);
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByTestId('course-summary').textContent).toContain('Đã hoàn thành mọi bài học và đạt bài kiểm tra cuối khóa. Chúc mừng!');
  });

  it('shows the final assessment card on the home screen, whatever the progress, with the best attempt', async () => {
    render(<App />);
    const card = screen.getByTestId('final-card');
    expect(within(card).getByRole('link', { name: 'Bài kiểm tra cuối khóa' }).getAttribute('href')).toBe('/final');
    expect(card.textContent).toContain('20 câu hỏi rút từ mọi bài học · cần đạt 80%');
    cleanup();
    render(<FinalAssessmentCard progress={foldEvents([event(FINAL_ASSESSMENT_ID, 'quiz_answered', { answers: {}, score: 0.7, passed: false })])} />);
    expect(screen.getByTestId('final-card').textContent).toContain('Chưa đạt điểm cao nhất 70% · 1 lần làm bài');
  });

  it('welcomes until the first lesson is opened, then offers to continue where the trainee was', () => {
    const { unmount } = render(<App />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Chào mừng đến với Học Chính phủ số');
    expect(screen.queryByTestId('continue-card')).toBeNull();
    unmount();

    const lesson = course.lessons[2]!;
    localStorage.setItem('egov-learn.lastRead', JSON.stringify({ lessonId: lesson.id, sectionId: lesson.sectionIds[1], sectionTitle: { vi: 'Phần hai', en: 'Part two' } }));
    render(<App />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Bài học');
    const card = screen.getByTestId('continue-card');
    expect(card.textContent).toContain(lesson.title.vi);
    expect(card.textContent).toContain('Phần: Phần hai');
    expect(card.querySelector('a')?.getAttribute('href')).toBe(`/lessons/${lesson.id}`);
  });
});

describe('a screen whose code does not arrive', () => {
  function Frame({ screen: Screen }: { screen: ReturnType<typeof lazyScreen> }) {
    return (
      <LocationProvider>
        <main>
          <ScreenBoundary url={location.pathname}>
            <Router>
              <Route path="/somewhere" component={Screen} />
              <Route default component={() => null} />
            </Router>
          </ScreenBoundary>
        </main>
      </LocationProvider>
    );
  }

  it('says a new version is ready, in both languages, with focus on the message, never a blank', async () => {
    history.replaceState(null, '', '/somewhere');
    const Screen = lazyScreen<object>(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module')));
    render(<Frame screen={Screen} />);
    const heading = await screen.findByRole('heading', { level: 1 });
    expect(heading.textContent).toBe('Đã có phiên bản mới A new version is ready');
    expect(heading.querySelector('[lang="en"]')?.textContent).toBe('A new version is ready');
    expect(screen.getByRole('button', { name: 'Tải lại / Reload' })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(document.title).toBe('Đã có phiên bản mới / A new version is ready – Học Chính phủ số');
  });

  it('offline, says so in the UI language, and tries again when asked', async () => {
    history.replaceState(null, '', '/somewhere');
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    let attempts = 0;
    const Screen = lazyScreen<object>(() => (++attempts === 1 ? Promise.reject(new TypeError('offline')) : Promise.resolve(() => <h1>Đã tải</h1>)));
    render(<Frame screen={Screen} />);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Phần này chưa có trên máy');
    onLine.mockReturnValue(true);
    fireEvent.click(screen.getByRole('button', { name: 'Thử lại' }));
    expect((await screen.findByRole('heading', { level: 1, name: 'Đã tải' })).textContent).toBe('Đã tải');
    expect(attempts).toBe(2);
  });

  // Browsers before whatwg/html#10327 keep a failed import() failed until the page reloads.
  it('reloads the page when trying again back online fails too', async () => {
    history.replaceState(null, '', '/somewhere');
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const reload = vi.spyOn(location, 'reload').mockImplementation(() => {});
    let attempts = 0;
    const Screen = lazyScreen<object>(() => (++attempts, Promise.reject(new TypeError('Failed to fetch dynamically imported module'))));
    render(<Frame screen={Screen} />);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Phần này chưa có trên máy');
    expect(reload).not.toHaveBeenCalled();
    onLine.mockReturnValue(true);
    fireEvent.click(screen.getByRole('button', { name: 'Thử lại' }));
    await waitFor(() => expect(reload).toHaveBeenCalledOnce());
    expect(attempts).toBe(2);
  });
});
