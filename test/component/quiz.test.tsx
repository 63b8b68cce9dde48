import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { Quiz } from '../../src/app/components/quiz/Quiz.tsx';
import { LiveRegion } from '../../src/app/shell/announce.tsx';
import { fixtureLesson } from './lesson-fixture.ts';

const { quiz } = fixtureLesson;
const choose = (name: string) => fireEvent.click(screen.getByRole('radio', { name }));
const tick = (name: string) => fireEvent.click(screen.getByRole('checkbox', { name }));
const press = (name: string) => fireEvent.click(screen.getByRole('button', { name }));

/** Answers every question right, checking each. */
function answerAllRight() {
  choose('Đà Nẵng');
  press('Kiểm tra đáp án');
  press('Câu tiếp theo');
  tick('Chính phủ điện tử');
  tick('Đám mây');
  press('Kiểm tra đáp án');
  press('Câu tiếp theo');
  choose('Hai');
  press('Kiểm tra đáp án');
  press('Câu tiếp theo');
  choose('Kết');
  press('Kiểm tra đáp án');
}

describe('the quiz', () => {
  it('shows one question at a time as a fieldset whose legend is the prompt', () => {
    render(<><LiveRegion /><Quiz quiz={quiz} mode="vi" onFinish={() => {}} /></>);
    const group = screen.getByRole('group', { name: /Câu 1\/4.*Thành phố nào\?/ });
    expect(group.tagName).toBe('FIELDSET');
    expect(screen.getAllByRole('radio')).toHaveLength(3);
    expect(screen.queryByText('Bài nói về gì?')).toBeNull();
  });

  it('checks an answer only once one is chosen', () => {
    render(<><LiveRegion /><Quiz quiz={quiz} mode="vi" onFinish={() => {}} /></>);
    expect((screen.getByRole('button', { name: 'Kiểm tra đáp án' }) as HTMLButtonElement).disabled).toBe(true);
    choose('Huế');
    expect((screen.getByRole('button', { name: 'Kiểm tra đáp án' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('gives immediate feedback with the explanation in a live region, and locks the options', () => {
    render(<><LiveRegion /><Quiz quiz={quiz} mode="vi" onFinish={() => {}} /></>);
    choose('Huế');
    press('Kiểm tra đáp án');
    const live = screen.getByTestId('live-region');
    expect(live.textContent).toContain('Chưa đúng.');
    expect(live.textContent).toContain('Bài nói về Đà Nẵng.');
    expect(screen.getByRole('radio', { name: /Đà Nẵng/ }).closest('li')?.textContent).toContain('đáp án đúng');
    expect(screen.getByRole('radio', { name: /Huế/ }).closest('li')?.textContent).toContain('lựa chọn sai');
    expect(screen.getAllByRole('radio').every((r) => (r as HTMLInputElement).disabled)).toBe(true);
  });

  it('treats half of a multiple-choice answer as wrong', () => {
    render(<><LiveRegion /><Quiz quiz={quiz} mode="vi" onFinish={() => {}} /></>);
    choose('Đà Nẵng');
    press('Kiểm tra đáp án');
    press('Câu tiếp theo');
    tick('Chính phủ điện tử');
    press('Kiểm tra đáp án');
    expect(screen.getByTestId('live-region').textContent).toContain('Chưa đúng.');
  });

  it('scores the attempt at the end, reports it once, and offers a retake', () => {
    const onFinish = vi.fn();
    render(<><LiveRegion /><Quiz quiz={quiz} mode="vi" onFinish={onFinish} /></>);
    answerAllRight();
    press('Xem kết quả');
    expect(onFinish).toHaveBeenCalledExactlyOnceWith({ city: ['a'], topics: ['a', 'b'], items: ['b'], ending: ['a'] }, 1, true);
    // The result takes focus, so a screen reader reads it at once.
    const result = screen.getByTestId('quiz-result');
    expect(document.activeElement).toBe(result);
    expect(result.textContent).toContain('Bạn trả lời đúng 4/4 câu (100%).');
    expect(result.textContent).toContain('Đạt!');

    press('Làm lại bài kiểm tra');
    expect(screen.getByRole('group', { name: /Câu 1\/4/ })).toBeTruthy();
    expect(screen.getAllByRole('radio').some((r) => (r as HTMLInputElement).checked)).toBe(false);
  });

  it('fails an attempt below the pass mark', () => {
    const onFinish = vi.fn();
    render(<><LiveRegion /><Quiz quiz={quiz} mode="vi" onFinish={onFinish} /></>);
    for (const [kind, name] of [['radio', 'Huế'], ['checkbox', 'Bóng đá'], ['radio', 'Hai'], ['radio', 'Kết']] as const) {
      fireEvent.click(screen.getByRole(kind, { name }));
      press('Kiểm tra đáp án');
      press(screen.queryByRole('button', { name: 'Xem kết quả' }) ? 'Xem kết quả' : 'Câu tiếp theo');
    }
    expect(onFinish).toHaveBeenCalledWith(expect.any(Object), 0.5, false);
    expect(screen.getByTestId('quiz-result').textContent).toContain('Chưa đạt: cần 70%.');
  });

  it('shows both languages, each marked with its lang, in "both" mode', () => {
    render(<><LiveRegion /><Quiz quiz={quiz} mode="both" onFinish={() => {}} /></>);
    const legend = document.querySelector('legend')!;
    expect(legend.querySelector('[lang="vi"]')?.textContent).toBe('Thành phố nào?');
    expect(legend.querySelector('[lang="en"]')?.textContent).toBe('Which city?');
  });

  it('can be answered from the keyboard: Enter in the form checks, then moves on', () => {
    render(<><LiveRegion /><Quiz quiz={quiz} mode="en" onFinish={() => {}} /></>);
    choose('Da Nang');
    fireEvent.submit(document.querySelector('form')!);
    expect(screen.getByTestId('live-region').textContent).toContain('Chính xác!');
    fireEvent.submit(document.querySelector('form')!);
    expect(screen.getByRole('group', { name: /Câu 2\/4/ })).toBeTruthy();
  });
});
