/** One measured figure beside the reference measured in the same run. */
export interface BenchResult {
  group: string;
  name: string;
  value: number;
  unit: string;
  reference?: { name: string; value: number };
  /** value / reference, the figure that counts on a machine whose timings drift. */
  ratio?: number;
  target?: string;
  pass?: boolean;
}

export function withRatio(r: Omit<BenchResult, 'ratio'>): BenchResult {
  return r.reference && r.reference.value > 0 ? { ...r, ratio: r.value / r.reference.value } : r;
}
