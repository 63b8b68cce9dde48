/**
 * A new attempt's shuffle seed: a random uint32 (up to MAX_SEED in src/shared/quiz-order.ts),
 * stored with the attempt so a review can show the order it was taken in.
 */
export const newAttemptSeed = (): number => crypto.getRandomValues(new Uint32Array(1))[0]!;
