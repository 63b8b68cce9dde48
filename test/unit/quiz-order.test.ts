import { describe, expect, it } from 'vitest';
import { learnerEventSchema } from '../../src/shared/events.ts';
import { MAX_SEED, optionOrder, shuffleWith } from '../../src/shared/quiz-order.ts';
import { seededRandom } from '../../src/shared/seeded-random.ts';

const question = {
  id: 'first-step',
  options: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id })),
};
const order = (seed: number, q = question) => optionOrder(q, seed).map((o) => o.id).join('');

describe('seededRandom', () => {
  it('gives the same sequence for the same seed, a different one for another, always in [0, 1)', () => {
    const take = (seed: number) => Array.from({ length: 50 }, seededRandom(seed));
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
    for (const x of [...take(0), ...take(MAX_SEED)]) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe('optionOrder', () => {
  it('shows the same order for the same seed, so a reviewed attempt looks as it was taken', () => {
    for (const seed of [0, 1, 7, 123_456, MAX_SEED]) expect(order(seed)).toBe(order(seed));
  });

  it('shows different orders across seeds', () => {
    const orders = new Set(Array.from({ length: 40 }, (_, seed) => order(seed)));
    expect(orders.size).toBeGreaterThan(20);
  });

  it('puts the first option of the file first only about as often as chance', () => {
    const seeds = Array.from({ length: 2000 }, (_, i) => (i * 2_654_435_761) >>> 0);
    const share = (position: string) => seeds.filter((s) => order(s)[0] === position).length / seeds.length;
    for (const id of ['a', 'b', 'c', 'd', 'e']) {
      expect(share(id), id).toBeGreaterThan(0.15);
      expect(share(id), id).toBeLessThan(0.25);
    }
  });

  it('gives two questions of one attempt their own orders', () => {
    const other = { ...question, id: 'second-step' };
    const differs = Array.from({ length: 20 }, (_, seed) => order(seed) !== order(seed, other));
    expect(differs.filter(Boolean).length).toBeGreaterThan(10);
  });

  it('keeps every option exactly once and leaves the question as it was', () => {
    const before = JSON.stringify(question);
    expect(order(99).split('').sort().join('')).toBe('abcde');
    expect(JSON.stringify(question)).toBe(before);
  });
});

describe('shuffleWith', () => {
  it('returns a permutation and copes with empty and single lists', () => {
    expect(shuffleWith([], seededRandom(1))).toEqual([]);
    expect(shuffleWith(['x'], seededRandom(1))).toEqual(['x']);
    expect(shuffleWith([1, 2, 3, 4], seededRandom(5)).sort()).toEqual([1, 2, 3, 4]);
  });
});

describe('the seed on a quiz_answered event', () => {
  const attempt = (payload: Record<string, unknown>) =>
    learnerEventSchema.safeParse({
      id: '0190f5a6-7b8c-7d9e-8f01-23456789abcd',
      deviceId: '0190f5a6-7b8c-4d9e-8f01-23456789abc0',
      lessonId: 'final-assessment',
      at: '1700000000000:00000',
      type: 'quiz_answered',
      payload: { answers: { 'q-one': ['a'] }, score: 1, passed: true, ...payload },
    }).success;

  it('is optional, so attempts already on phones stay valid', () => {
    expect(attempt({})).toBe(true);
  });

  it('is a uint32', () => {
    expect(attempt({ seed: 0 })).toBe(true);
    expect(attempt({ seed: MAX_SEED })).toBe(true);
    expect(attempt({ seed: MAX_SEED + 1 })).toBe(false);
    expect(attempt({ seed: -1 })).toBe(false);
    expect(attempt({ seed: 1.5 })).toBe(false);
  });
});
