import { seededRandom } from './seeded-random.ts';

/**
 * The order a trainee sees a question's options in. The files keep a fixed order (and the right
 * answers spread over the positions), but shown in file order a quiz can be learnt by position;
 * so each attempt shuffles the options with a seed that is stored with the attempt
 * (`quiz_answered.payload.seed`), and reviewing the attempt shows the same order again.
 */

/** Largest seed: seeds are uint32, the range mulberry32 takes and JSON carries exactly. */
export const MAX_SEED = 0xffff_ffff;

/** A copy of `items` in a random order fixed by `random` (Fisher–Yates). */
export function shuffleWith<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** FNV-1a of a string: folds a question id into the attempt's seed. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * The options of one question in the order shown for the attempt with `seed`. The question's id
 * is mixed into the seed, so one seed per attempt gives each question its own order, and a
 * question keeps its order whatever its position in the attempt.
 */
export function optionOrder<O>(question: { id: string; options: readonly O[] }, seed: number): O[] {
  return shuffleWith(question.options, seededRandom((seed ^ hashString(question.id)) >>> 0));
}
