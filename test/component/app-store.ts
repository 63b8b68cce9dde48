import { afterEach } from 'vitest';
import { LocalStore, setAppStore } from '../../src/data/local-store.ts';

const opened: LocalStore[] = [];
let counter = 0;

/** A fresh store the app's screens, verbs and live queries use; deleted after the test. */
export function freshAppStore(label: string): LocalStore {
  const store = new LocalStore(`component-${label}-${++counter}`);
  setAppStore(store);
  opened.push(store);
  return store;
}

afterEach(async () => {
  for (const store of opened.splice(0)) await store.db.delete();
});
