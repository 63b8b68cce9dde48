import { onTestFinished, vi } from 'vitest';

/**
 * Makes IndexedDB refuse every add and put into the object store `store`, as a full disk would,
 * until the returned function is called or the test ends. It works below Dexie, so it reaches
 * writes made through Dexie and record()'s direct ones (src/data/store/direct-write.ts) alike.
 */
export function refuseWrites(store: string, error: () => Error): () => void {
  const spies = (['add', 'put'] as const).map((method) => {
    const original = IDBObjectStore.prototype[method];
    return vi.spyOn(IDBObjectStore.prototype, method).mockImplementation(function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      if (this.name === store) throw error();
      return original.apply(this, args);
    });
  });
  const undo = () => spies.forEach((spy) => spy.mockRestore());
  onTestFinished(undo);
  return undo;
}

/** The error a full disk gives. */
export const quotaExceeded = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
