import { shuffleWith } from './quiz-order.ts';
import { seededRandom } from './seeded-random.ts';

/**
 * Which questions of the final assessment's pool one attempt asks, and in what order. Drawn on
 * the phone (the attempt works offline) from the attempt's seed, so the same seed and pool give
 * the same attempt again when it is reviewed.
 *
 * Stratified by lesson: each lesson gets a share of `count` proportional to its share of the
 * pool (largest remainders, ties settled by the seed so no lesson is always favoured), and at
 * least one question when `count` is at least the number of lessons. No question is drawn twice;
 * a `count` above the pool's size draws the whole pool.
 */
export function drawFinalQuestions<Q extends { id: string; lesson: string }>(pool: readonly Q[], count: number, seed: number): Q[] {
  const random = seededRandom(seed);
  const byLesson = new Map<string, Q[]>();
  for (const q of pool) byLesson.set(q.lesson, [...(byLesson.get(q.lesson) ?? []), q]);
  const wanted = Math.max(0, Math.min(Math.floor(count), pool.length));
  const quotas = lessonQuotas([...byLesson.values()].map((qs) => qs.length), wanted, random);

  const drawn = [...byLesson.values()].flatMap((qs, i) => shuffleWith(qs, random).slice(0, quotas[i]));
  return shuffleWith(drawn, random);
}

/**
 * How many questions each lesson gives, for lessons holding `sizes` questions: proportional to
 * size, at least one each when `count` allows, never more than a lesson holds; sums to `count`
 * (which must not exceed the sum of `sizes`).
 */
export function lessonQuotas(sizes: readonly number[], count: number, random: () => number): number[] {
  const total = sizes.reduce((a, b) => a + b, 0);
  const ideal = sizes.map((n) => (total === 0 ? 0 : (count * n) / total));
  const floor = count >= sizes.length ? 1 : 0;
  const quotas = sizes.map((n, i) => Math.min(n, Math.max(floor, Math.floor(ideal[i]!))));
  // A random rank per lesson settles ties between equal remainders.
  const rank = sizes.map(() => random());
  const pick = (eligible: (i: number) => boolean, score: (i: number) => number) => {
    let best = -1;
    for (let i = 0; i < sizes.length; i++) {
      if (!eligible(i)) continue;
      if (best < 0 || score(i) > score(best) || (score(i) === score(best) && rank[i]! > rank[best]!)) best = i;
    }
    return best;
  };
  let sum = quotas.reduce((a, b) => a + b, 0);
  // The minimum of one each can overshoot: take back from the lessons furthest above their share.
  while (sum > count) {
    const i = pick((j) => quotas[j]! > floor, (j) => quotas[j]! - ideal[j]!);
    if (i < 0) break;
    quotas[i] = quotas[i]! - 1;
    sum--;
  }
  while (sum < count) {
    const i = pick((j) => quotas[j]! < sizes[j]!, (j) => ideal[j]! - quotas[j]!);
    if (i < 0) break;
    quotas[i] = quotas[i]! + 1;
    sum++;
  }
  return quotas;
}
