import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations/index.ts';
import type { Tables } from './tables.ts';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  db: Kysely<Tables>;
  /** True when a trivial query succeeds; used by /api/health. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

interface DatabaseOptions {
  /** postgres://… selects PostgreSQL; otherwise an SQLite file in dataDir. */
  databaseUrl?: string | undefined;
  dataDir: string;
}

/** Opens SQLite (default) or PostgreSQL and brings the schema up to date before returning. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const kind: DatabaseKind = options.databaseUrl?.startsWith('postgres') ? 'postgres' : 'sqlite';
  const db = new Kysely<Tables>({
    dialect: kind === 'postgres' ? postgresDialect(options.databaseUrl!) : sqliteDialect(options.dataDir),
  });
  await migrate(db, kind);
  return {
    kind,
    db,
    async ping() {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    close: () => db.destroy(),
  };
}

function sqliteDialect(dataDir: string) {
  mkdirSync(dataDir, { recursive: true });
  const file = new SQLite(join(dataDir, 'egov-learn.sqlite'));
  // WAL lets the admin command read while the server writes; busy_timeout waits out short locks
  // instead of failing a trainee's sync.
  file.pragma('journal_mode = WAL');
  file.pragma('synchronous = NORMAL');
  file.pragma('foreign_keys = ON');
  file.pragma('busy_timeout = 5000');
  return new SqliteDialect({ database: file });
}

function postgresDialect(url: string) {
  return new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 10 }) });
}

async function migrate(db: Kysely<Tables>, kind: DatabaseKind) {
  // Kysely looks for its bookkeeping tables in every schema it can see; pinned to the schema the
  // connection writes to (search_path), a server in one schema is not misled by another's tables.
  const migrationTableSchema =
    kind === 'postgres' ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema : undefined;
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, migrationTableSchema });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
