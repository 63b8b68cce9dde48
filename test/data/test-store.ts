import { afterEach } from 'vitest';
import { LocalStore, type LocalStoreOptions } from '../../src/data/local-store.ts';

const opened: LocalStore[] = [];
let counter = 0;

/** A fresh store (one simulated device) under a unique name; every one is deleted after the test. */
export function freshStore(label = 'device', options?: LocalStoreOptions): LocalStore {
  const store = new LocalStore(`egov-learn-test-${label}-${process.pid}-${++counter}`, options);
  opened.push(store);
  return store;
}

afterEach(async () => {
  for (const store of opened.splice(0)) await store.db.delete();
});

/** localStorage as the browser keeps it across a reload: strings under keys. */
export function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    key: (i) => [...items.keys()][i] ?? null,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, String(v)),
    removeItem: (k) => void items.delete(k),
    clear: () => items.clear(),
  };
}
