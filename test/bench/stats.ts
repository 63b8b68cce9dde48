/** The value below which a share `p` (0..1) of `xs` lies: the nearest rank, no interpolation; NaN when empty. */
export function percentile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! : Number.NaN;
}

export const median = (xs: readonly number[]): number => percentile(xs, 0.5);
