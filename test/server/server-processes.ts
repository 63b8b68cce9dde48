import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Catalogue } from '../../src/shared/catalogue.ts';
import { testCatalogue } from './test-catalogue.ts';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Ends the process with `signal` (SIGKILL for a crash) and waits until it has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface ServerProcesses {
  processes: ServerProcess[];
  /** Another process over the same database, e.g. after one was killed. */
  start(): Promise<ServerProcess>;
  /** Stops every process still running (the database stays: its owner drops it). */
  close(): Promise<void>;
}

interface ServerProcessOptions {
  /** The course; the small test catalogue by default. */
  catalogue?: Catalogue;
  /** More environment for every process, e.g. { TOKEN_RATE_BURST: '1000000' }. */
  env?: Record<string, string>;
}

const root = resolve(import.meta.dirname, '../..');

/**
 * `n` real server processes (`node --import tsx src/server/main.ts`, each on a free port) over one
 * database, as the server runs behind a reverse proxy for many trainees. The first starts alone
 * and migrates the database; the others start together once it is up. Use PostgreSQL: SQLite is
 * one process's database.
 */
export async function startServerProcesses(
  n: number,
  database: { databaseUrl?: string | undefined; dataDir: string },
  options: ServerProcessOptions = {},
): Promise<ServerProcesses> {
  const dir = mkdtempSync(join(tmpdir(), 'egov-learn-processes-'));
  const catalogueFile = join(dir, 'course-catalogue.json');
  writeFileSync(catalogueFile, JSON.stringify(options.catalogue ?? testCatalogue));
  const env = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: database.dataDir,
    DATABASE_URL: database.databaseUrl ?? '',
    STATIC_DIR: join(dir, 'no-app'),
    COURSE_CATALOGUE: catalogueFile,
    ...options.env,
  };
  const running = new Set<ServerProcess>();
  const start = async () => {
    const started = await startOne(env);
    running.add(started);
    started.child.once('exit', () => running.delete(started));
    return started;
  };
  const processes = [await start()];
  processes.push(...(await Promise.all(Array.from({ length: n - 1 }, start))));
  return {
    processes,
    start,
    async close() {
      await Promise.all([...running].map((p) => p.stop()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function startOne(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const url = /serving on (http:\/\/\S+)/.exec(output)?.[1];
      if (!url) return;
      child.stdout!.off('data', onData);
      resolvePromise({
        url,
        child,
        async stop(signal = 'SIGTERM') {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          await exited;
        },
      });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('exit', (code) => reject(new Error(`server process exited (${code}) before listening:\n${output}`)));
  });
}
