import { type Kysely, SqliteAdapter } from 'kysely';

/** True on SQLite; the few columns that differ between the databases branch on it. */
export function isSqlite(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}
