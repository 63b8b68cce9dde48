import { fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LessonReader } from '../../src/app/components/reader/LessonReader.tsx';
import { dwellMs } from '../../src/app/components/reader/use-section-dwell.ts';
import { FakeIntersectionObserver, fixtureLesson } from './lesson-fixture.ts';

const section = (id: string) => document.querySelector<HTMLElement>(`[data-section="${id}"]`)!;

describe('the lesson reader', () => {
  beforeEach(() => {
    FakeIntersectionObserver.all = [];
    vi.stubGlobal('IntersectionObserver', FakeIntersectionObserver);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('shows only Vietnamese in Vietnamese mode, every section as a level-2 heading marked lang="vi"', () => {
    render(<LessonReader lesson={fixtureLesson} mode="vi" size={1} sectionsRead={[]} onSectionRead={() => {}} />);
    const headings = screen.getAllByRole('heading', { level: 2 });
    expect(headings.map((h) => h.textContent)).toEqual(['Mở đầu', 'Đám mây', 'Danh sách', 'Kết']);
    expect(document.querySelectorAll('.block[lang="vi"]')).toHaveLength(5);
    expect(document.querySelector('[lang="en"]')).toBeNull();
    expect(screen.getByRole('img', { name: 'Một hình chữ nhật đỏ' }).getAttribute('src')).toMatch(/^\/course\/images\/diagram\.\w+\.svg$/);
  });

  it('pairs each Vietnamese paragraph with its English one in "both" mode', () => {
    render(<LessonReader lesson={fixtureLesson} mode="both" size={1} sectionsRead={[]} onSectionRead={() => {}} />);
    const pairs = document.querySelectorAll('.pair-both');
    expect(pairs).toHaveLength(5);
    const first = pairs[0]!;
    expect(first.querySelector('[lang="vi"]')?.textContent).toBe('Đây là Chính phủ điện tử ở Đà Nẵng.');
    expect(first.querySelector('[lang="en"]')?.textContent).toBe('This is e-Government in Da Nang.');
    expect(screen.getAllByRole('heading', { level: 2 })[0]!.textContent).toBe('Mở đầuIntroduction');
  });

  it('opens a tapped glossary term in a dialog with both languages and definitions', () => {
    render(<LessonReader lesson={fixtureLesson} mode="vi" size={1} sectionsRead={[]} onSectionRead={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'điện toán đám mây' }));
    const dialog = screen.getByRole('dialog', { name: 'Giải nghĩa thuật ngữ' });
    expect(dialog.textContent).toContain('Điện toán đám mây');
    expect(dialog.textContent).toContain('cloud computing');
    expect(dialog.querySelector('p[lang="en"]')?.textContent).toBe('Renting computing power over the network instead of buying machines.');
    fireEvent.click(screen.getByRole('button', { name: 'Đóng' }));
    expect((dialog as HTMLDialogElement).open).toBe(false);
  });

  it('counts a section as read only after it has been on screen for its dwell time', () => {
    vi.useFakeTimers();
    const onRead = vi.fn();
    render(<LessonReader lesson={fixtureLesson} mode="vi" size={1} sectionsRead={['end']} onSectionRead={onRead} />);
    const needed = dwellMs(fixtureLesson.sections[0]!.words);

    FakeIntersectionObserver.set(section('intro'), true);
    vi.advanceTimersByTime(needed - 1000);
    FakeIntersectionObserver.set(section('intro'), false); // scrolled away before the time was up
    vi.advanceTimersByTime(60_000);
    expect(onRead).not.toHaveBeenCalled();

    FakeIntersectionObserver.set(section('intro'), true); // back: the time on screen adds up
    vi.advanceTimersByTime(1000);
    expect(onRead).toHaveBeenCalledExactlyOnceWith('intro');

    FakeIntersectionObserver.set(section('end'), true); // already read: not recorded again
    vi.advanceTimersByTime(60_000);
    expect(onRead).toHaveBeenCalledOnce();
  });

  it('never counts a section the trainee only scrolled past', () => {
    vi.useFakeTimers();
    const onRead = vi.fn();
    render(<LessonReader lesson={fixtureLesson} mode="vi" size={1} sectionsRead={[]} onSectionRead={onRead} />);
    for (const id of ['intro', 'cloud', 'list', 'end']) {
      FakeIntersectionObserver.set(section(id), true);
      vi.advanceTimersByTime(500);
      FakeIntersectionObserver.set(section(id), false);
    }
    vi.advanceTimersByTime(60_000);
    expect(onRead).not.toHaveBeenCalled();
  });

  it('marks read sections with a visible check and words for screen readers', () => {
    render(<LessonReader lesson={fixtureLesson} mode="vi" size={1} sectionsRead={['cloud']} onSectionRead={() => {}} />);
    expect(section('cloud').querySelector('h2')?.textContent).toBe('Đám mây✓Đã đọc');
    expect(section('intro').querySelector('.read-mark')).toBeNull();
  });

  it('remembers the paragraph at the top of the screen and reopens there', async () => {
    localStorage.setItem('egov-learn.position.sample', JSON.stringify({ sectionId: 'list', block: 0 }));
    const scrolled = vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(() => {});
    render(<LessonReader lesson={fixtureLesson} mode="vi" size={1} sectionsRead={[]} onSectionRead={() => {}} />);
    expect(scrolled).toHaveBeenCalled();
    expect(scrolled.mock.contexts[0]).toBe(section('list').querySelector('[data-block="0"]'));
  });
});
