import { join } from 'node:path';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compileCourse } from '../../plugins/lessons/compile-course.ts';
import { courseAssets } from '../../plugins/lessons/course-assets.ts';
import { MyResults } from '../../src/app/components/me/MyResults.tsx';
import { filterSaved, savedItems } from '../../src/app/components/me/saved-items.ts';
import { SavedList } from '../../src/app/components/me/SavedList.tsx';
import { setLanguage } from '../../src/app/i18n/i18n.ts';
import { LiveRegion } from '../../src/app/shell/announce.tsx';
import { foldEvents } from '../../src/shared/merge-progress.ts';
import type { LearnerEvent } from '../../src/shared/events.ts';
import { FINAL_ASSESSMENT_ID } from '../../src/shared/lesson.ts';

// The course as the app has it: the bundled index (summaries), and the files it fetches.
const compiled = compileCourse(join(import.meta.dirname, '../../content'));
const { files, index: course } = courseAssets(compiled);
const [first, second, third] = course.lessons as [(typeof course.lessons)[0], (typeof course.lessons)[0], (typeof course.lessons)[0]];

let n = 0;
const at = () => `${String(1_700_000_000_000 + ++n).padStart(13, '0')}:00000`;
const event = (lessonId: string, type: LearnerEvent['type'], payload: object): LearnerEvent =>
  ({ id: crypto.randomUUID(), deviceId: 'device-one', lessonId, at: at(), type, payload }) as LearnerEvent;
const quiz = (lessonId: string, score: number, passed: boolean) => event(lessonId, 'quiz_answered', { answers: {}, score, passed });

describe('my results', () => {
  it('shows each lesson in course order with its best score, attempts and whether it is passed', () => {
    const progress = foldEvents([quiz(first.id, 0.5, false), quiz(first.id, 0.8, true), quiz(second.id, 0.25, false)]);
    render(<MyResults lessons={course.lessons} progress={progress} />);
    expect(screen.getByText(`Đã đạt bài kiểm tra của 1/${course.lessons.length} bài học.`)).toBeTruthy();
    const items = within(screen.getByTestId('my-results')).getAllByRole('listitem');
    expect(items).toHaveLength(course.lessons.length);
    expect(items[0]!.textContent).toContain(first.title.vi);
    expect(items[0]!.textContent).toContain('Đạt');
    expect(items[0]!.textContent).toContain('Điểm cao nhất 80% · 2 lần làm bài');
    expect(items[1]!.textContent).toContain('Chưa đạt');
    expect(items[1]!.textContent).toContain('Điểm cao nhất 25% · 1 lần làm bài');
    expect(items[2]!.textContent).toContain('Chưa làm bài kiểm tra');
    expect(within(items[0]!).getByRole('link').getAttribute('href')).toBe(`/lessons/${first.id}`);
  });

  it('shows the final assessment beside the lessons: its best score, attempts and whether it is passed', () => {
    const { unmount } = render(<MyResults lessons={course.lessons} progress={foldEvents([quiz(first.id, 1, true)])} />);
    expect(screen.getByTestId('final-result').textContent).toBe('Bài kiểm tra cuối khóaChưa làm bài kiểm tra');
    unmount();
    const progress = foldEvents([quiz(FINAL_ASSESSMENT_ID, 0.75, false), quiz(FINAL_ASSESSMENT_ID, 0.85, true), quiz(FINAL_ASSESSMENT_ID, 0.6, false)]);
    render(<MyResults lessons={course.lessons} progress={progress} />);
    const final = screen.getByTestId('final-result');
    expect(final.textContent).toContain('Đạt');
    expect(final.textContent).toContain('Điểm cao nhất 85% · 3 lần làm bài');
    expect(within(final).getByRole('link', { name: 'Bài kiểm tra cuối khóa' }).getAttribute('href')).toBe('/final');
    // The lessons' list and summary are about the lessons only.
    expect(within(screen.getByTestId('my-results')).getAllByRole('listitem')).toHaveLength(course.lessons.length);
    expect(screen.getByText(`Đã đạt bài kiểm tra của 0/${course.lessons.length} bài học.`)).toBeTruthy();
  });

  it('speaks English with the English titles', async () => {
    await setLanguage('en');
    render(<MyResults lessons={course.lessons} progress={foldEvents([quiz(third.id, 1, true)])} />);
    const item = within(screen.getByTestId('my-results')).getAllByRole('listitem')[2]!;
    expect(item.textContent).toContain(third.title.en);
    expect(item.textContent).toContain('Passed');
    expect(item.textContent).toContain('Best score 100% · 1 attempt');
  });
});

describe('bookmarks and notes', () => {
  beforeEach(() => {
    vi.stubGlobal('fetch', async (url: string) => {
      const source = files.get(String(url).replace(/^\//, ''));
      return source === undefined ? new Response('', { status: 404 }) : new Response(source);
    });
  });
  afterEach(() => vi.unstubAllGlobals());

  const progress = () =>
    foldEvents([
      event(second.id, 'bookmark_set', { sectionId: second.sectionIds[1] }),
      event(first.id, 'bookmark_set', { sectionId: first.sectionIds[2] }),
      event(first.id, 'bookmark_set', { sectionId: first.sectionIds[0] }),
      event(first.id, 'bookmark_cleared', { sectionId: first.sectionIds[0] }),
      event(second.id, 'note_saved', { text: 'Hỏi Sở về dịch vụ công trực tuyến mức độ 4' }),
    ]);

  it('lists every bookmark (in section order) and note in course order, each opening at its place', () => {
    const items = savedItems(course.lessons, progress());
    expect(items.map((i) => [i.kind, i.lesson.id, i.section?.id])).toEqual([
      ['bookmark', first.id, first.sectionIds[2]],
      ['bookmark', second.id, second.sectionIds[1]],
      ['note', second.id, undefined],
    ]);
    expect(items.map((i) => i.href)).toEqual([
      `/lessons/${first.id}?section=${first.sectionIds[2]}`,
      `/lessons/${second.id}?section=${second.sectionIds[1]}`,
      `/lessons/${second.id}?at=note`,
    ]);
  });

  it('finds items without tone marks, in titles of either language and in notes', () => {
    const items = savedItems(course.lessons, progress());
    expect(filterSaved(items, 'dich vu cong').map((i) => i.kind)).toEqual(['note']);
    expect(filterSaved(items, 'DỊCH VỤ').map((i) => i.kind)).toEqual(['note']);
    expect(filterSaved(items, first.title.en).map((i) => i.lesson.id)).toEqual([first.id]);
    expect(filterSaved(items, 'khong co dau nao khop')).toEqual([]);
    expect(filterSaved(items, '  ')).toHaveLength(3);
  });

  it('shows section titles from the course, searches as the trainee types, and says how many match', async () => {
    render(<><LiveRegion /><SavedList lessons={course.lessons} progress={progress()} /></>);
    const list = screen.getByTestId('saved-list');
    // Section numbers until the (precached) search index has loaded, then the titles.
    const section = compiled.lessons[0]!.sections[2]!;
    await waitFor(() => expect(list.textContent).toContain(section.title.vi));
    expect(within(list).getAllByRole('link')).toHaveLength(3);

    fireEvent.input(screen.getByLabelText('Tìm trong đánh dấu và ghi chú'), { target: { value: 'muc do 4' } });
    await waitFor(() => expect(within(list).getAllByRole('link')).toHaveLength(1));
    expect(within(list).getByRole('link').getAttribute('href')).toBe(`/lessons/${second.id}?at=note`);
    await waitFor(() => expect(screen.getByTestId('live-region').textContent).toBe('1 mục'));

    fireEvent.input(screen.getByLabelText('Tìm trong đánh dấu và ghi chú'), { target: { value: 'zzz' } });
    await waitFor(() => expect(screen.getByText('Không có mục nào khớp với “zzz”.')).toBeTruthy());
  });

  it('says how to make one when there is none', () => {
    render(<SavedList lessons={course.lessons} progress={{}} />);
    expect(screen.getByText(/Chưa có đánh dấu hay ghi chú nào/)).toBeTruthy();
  });
});
