import { fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Quiz } from '../../src/app/components/quiz/Quiz.tsx';
import { LiveRegion } from '../../src/app/shell/announce.tsx';
import { optionOrder } from '../../src/shared/quiz-order.ts';
import { fixtureLesson } from './lesson-fixture.ts';
import { drawSeeds } from './seeds.ts';

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

afterEach(() => vi.restoreAllMocks());

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

  it('scores the attempt at the end, reports it once with its seed, and offers a retake', () => {
    drawSeeds(1234);
    const onFinish = vi.fn();
    render(<><LiveRegion /><Quiz quiz={quiz} mode="vi" onFinish={onFinish} /></>);
    answerAllRight();
    press('Xem kết quả');
    expect(onFinish).toHaveBeenCalledExactlyOnceWith({ city: ['a'], topics: ['a', 'b'], items: ['b'], ending: ['a'] }, 1, true, 1234);
    // The result takes focus, so a screen reader reads it at once.
    const result = screen.getByTestId('quiz-result');
    expect(document.activeElement).toBe(result);
    expect(result.textContent).toContain('Trả lời đúng 4/4 câu (100%).');
    expect(result.textContent).toContain('Đạt!');

    press('Làm lại bài kiểm tra');
    expect(screen.getByRole('group', { name: /Câu 1\/4/ })).toBeTruthy();
    expect(screen.getAllByRole('radio').some((r) => (r as HTMLInputElement).checked)).toBe(false);
    // The retake's first question takes focus, as the next question does.
    expect(document.activeElement).toBe(screen.getByRole('group', { name: /Câu 1\/4/ }));
  });

  it('fails an attempt below the pass mark', () => {
    const onFinish = vi.fn();
    render(<><LiveRegion /><Quiz quiz={quiz} mode="vi" onFinish={onFinish} /></>);
    for (const [kind, name] of [['radio', 'Huế'], ['checkbox', 'Bóng đá'], ['radio', 'Hai'], ['radio', 'Kết']] as const) {
      fireEvent.click(screen.getByRole(kind, { name }));
      press('Kiểm tra đáp án');
      press(screen.queryByRole('button', { name: 'Xem kết quả' }) ? 'Xem kết quả' : 'Câu tiếp theo');
    }
    expect(onFinish).toHaveBeenCalledWith(expect.any(Object), 0.5, false, expect.any(Number));
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

  describe('shuffled per attempt', () => {
    const [city, topics] = quiz.questions as [(typeof quiz.questions)[0], (typeof quiz.questions)[0]];
    /** The option texts of the question on show, top to bottom. */
    const shown = () => [...document.querySelectorAll('.quiz-options label')].map((l) => l.textContent);
    const expected = (question: typeof city, seed: number) => optionOrder(question, seed).map((o) => o.vi);
    // Two seeds that order the first question's options differently (found, not assumed).
    const first = 7;
    const other = [...Array(100).keys()].map((n) => n + 8).find((s) => expected(city, s).join() !== expected(city, first).join())!;

    it('shows the options in the order the attempt\'s seed gives, the same for the same seed and another for another', () => {
      drawSeeds(first, other, first, first);
      const orders: string[][] = [];
      for (let i = 0; i < 3; i++) {
        const { unmount } = render(<><LiveRegion /><Quiz quiz={quiz} mode="vi" onFinish={() => {}} /></>);
        orders.push(shown() as string[]);
        unmount();
      }
      expect(orders[0]).toEqual(expected(city, first));
      expect(orders[1]).toEqual(expected(city, other));
      expect(orders[1]).not.toEqual(orders[0]);
      expect(orders[2]).toEqual(orders[0]);
      // Each question has its own order from the one seed: the second follows optionOrder too.
      render(<><LiveRegion /><Quiz quiz={quiz} mode="vi" onFinish={() => {}} /></>);
      choose(expected(city, first)[0]!);
      press('Kiểm tra đáp án');
      press('Câu tiếp theo');
      expect(shown()).toEqual(expected(topics, first));
    });

    it('draws a new seed for a retake, shows its order and reports it', () => {
      drawSeeds(first, other);
      const onFinish = vi.fn();
      render(<><LiveRegion /><Quiz quiz={quiz} mode="vi" onFinish={onFinish} /></>);
      answerAllRight();
      press('Xem kết quả');
      press('Làm lại bài kiểm tra');
      expect(shown()).toEqual(expected(city, other));
      answerAllRight();
      press('Xem kết quả');
      expect(onFinish.mock.calls.map((call) => call[3])).toEqual([first, other]);
    });
  });
});
