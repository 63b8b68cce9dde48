import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer } from '../../src/server/server.ts';
import { chromiumPath } from './chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** A copy of dist/ that the server serves: tests may change it to "deploy" a new version. */
    staticDir: string;
    /** The server's SQLite folder, for tests that issue enrolment codes or read stored events. */
    dataDir: string;
  }
}

/** One real server over the built app (`npm run build` first) for the whole browser suite. */
export default async function setup(project: TestProject) {
  chromiumPath(); // fail early, with the message saying how to get one
  if (!existsSync(resolve('dist', 'sw.js'))) throw new Error('No build in dist/: run "npm run build" first.');
  const dataDir = mkdtempSync(join(tmpdir(), 'egov-learn-e2e-'));
  const staticDir = join(dataDir, 'app');
  cpSync(resolve('dist'), staticDir, { recursive: true });
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, databaseUrl: undefined, staticDir });
  // Service workers need a secure context: localhost counts, 127.0.0.1 does too in Chromium.
  project.provide('baseUrl', server.url.replace('127.0.0.1', 'localhost'));
  project.provide('staticDir', staticDir);
  project.provide('dataDir', dataDir);
  return async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
