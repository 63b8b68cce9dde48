import { vi } from 'vitest';

/**
 * Makes the attempts' seeds (crypto.getRandomValues on a one-number Uint32Array) come out as
 * `seeds`, in order; other calls keep the real generator. Restored by vi.restoreAllMocks().
 */
export function drawSeeds(...seeds: number[]) {
  const real = crypto.getRandomValues.bind(crypto);
  const queue = [...seeds];
  return vi.spyOn(crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
    if (array instanceof Uint32Array && array.length === 1 && queue.length > 0) {
      array[0] = queue.shift()!;
      return array;
    }
    return real(array as never) as T;
  });
}
