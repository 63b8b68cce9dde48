import { afterEach } from 'vitest';
import { LearnDb } from '../../src/data/db.ts';

const opened: LearnDb[] = [];
let counter = 0;

/** A fresh database under a unique name; every one is deleted after the test. */
export function freshDb(label = 'device'): LearnDb {
  const db = new LearnDb(`egov-learn-test-${label}-${process.pid}-${++counter}`);
  opened.push(db);
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});
