import { describe, expect, it } from 'vitest';
import { drawFinalQuestions, lessonQuotas } from '../../src/shared/final-draw.ts';
import { seededRandom } from '../../src/shared/seeded-random.ts';

/** A pool with `sizes[i]` questions for lesson `l<i>`. */
const poolOf = (sizes: number[]) => sizes.flatMap((n, i) => Array.from({ length: n }, (_, j) => ({ id: `l${i}-q${j}`, lesson: `l${i}` })));
const perLesson = (drawn: Array<{ lesson: string }>) => {
  const counts: Record<string, number> = {};
  for (const q of drawn) counts[q.lesson] = (counts[q.lesson] ?? 0) + 1;
  return counts;
};
const seeds = Array.from({ length: 200 }, (_, i) => (i * 2_654_435_761) >>> 0);

describe('drawFinalQuestions', () => {
  const pool = poolOf([5, 5, 5, 5, 5, 5, 5, 5, 5]); // nine lessons, as the course has

  it('draws the asked number with no question twice in one attempt', () => {
    for (const seed of seeds) {
      const drawn = drawFinalQuestions(pool, 20, seed);
      expect(drawn).toHaveLength(20);
      expect(new Set(drawn.map((q) => q.id)).size).toBe(20);
    }
  });

  it('gives every lesson its proportional share: two or three each of twenty from nine equal lessons', () => {
    for (const seed of seeds) {
      const counts = Object.values(perLesson(drawFinalQuestions(pool, 20, seed)));
      expect(counts).toHaveLength(9);
      for (const n of counts) expect([2, 3]).toContain(n);
    }
  });

  it('follows unequal lessons: a lesson with twice the questions gets about twice the share', () => {
    const uneven = poolOf([10, 5, 5]);
    for (const seed of seeds.slice(0, 50)) expect(perLesson(drawFinalQuestions(uneven, 8, seed))).toEqual({ l0: 4, l1: 2, l2: 2 });
  });

  it('asks at least one question of each lesson when the count allows, even a lesson with a tiny share', () => {
    const skewed = poolOf([30, 1, 1, 1]);
    for (const seed of seeds.slice(0, 50)) {
      const counts = perLesson(drawFinalQuestions(skewed, 6, seed));
      expect(counts).toEqual({ l0: 3, l1: 1, l2: 1, l3: 1 });
    }
  });

  it('with fewer questions than lessons, asks at most one per lesson and varies which across seeds', () => {
    const chosen = new Set<string>();
    for (const seed of seeds.slice(0, 50)) {
      const counts = perLesson(drawFinalQuestions(pool, 4, seed));
      expect(Object.values(counts)).toEqual([1, 1, 1, 1]);
      for (const lesson of Object.keys(counts)) chosen.add(lesson);
    }
    expect(chosen.size).toBe(9);
  });

  it('is the same attempt for the same seed, and another attempt for another seed', () => {
    const ids = (seed: number) => drawFinalQuestions(pool, 20, seed).map((q) => q.id);
    expect(ids(1234)).toEqual(ids(1234));
    expect(new Set(seeds.slice(0, 20).map((s) => ids(s).join())).size).toBe(20);
  });

  it('mixes the lessons in the order asked rather than going lesson by lesson', () => {
    const lessons = drawFinalQuestions(pool, 20, 77).map((q) => q.lesson);
    expect(lessons.join()).not.toBe([...lessons].sort().join());
  });

  it('draws the whole pool when asked for more, and nothing when asked for none', () => {
    expect(drawFinalQuestions(poolOf([2, 1]), 10, 3)).toHaveLength(3);
    expect(drawFinalQuestions(pool, 0, 3)).toEqual([]);
    expect(drawFinalQuestions([], 20, 3)).toEqual([]);
  });
});

describe('lessonQuotas', () => {
  it('sums to the count and never exceeds what a lesson holds', () => {
    for (const seed of seeds.slice(0, 50)) {
      const quotas = lessonQuotas([1, 2, 9, 4], 12, seededRandom(seed));
      expect(quotas.reduce((a, b) => a + b, 0)).toBe(12);
      quotas.forEach((q, i) => expect(q).toBeLessThanOrEqual([1, 2, 9, 4][i]!));
    }
  });
});
