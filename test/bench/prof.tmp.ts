import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { repositoriesOf } from '../../src/server/repositories/repositories.ts';
import { issueEnrolment } from '../../src/server/services/enrolment-service.ts';
import { CATALOGUE_FILE, catalogueSchema } from '../../src/shared/catalogue.ts';
import { chromiumArgs, chromiumPath } from '../e2e/chromium.ts';
import { benchServer } from './bench-server.ts';

const outDir = resolve('dist-phone-prof');
await build({ configFile: resolve('vite.config.ts'), root: resolve('test/bench/phone'), build: { outDir, emptyOutDir: true }, logLevel: 'warn' });
const server = await benchServer(outDir);
const lesson = catalogueSchema.parse(JSON.parse(readFileSync(join(outDir, CATALOGUE_FILE), 'utf8'))).lessons[0]!;
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
const N = Number(process.env.N ?? 10000);
for (let r = 0; r < Number(process.env.R ?? 2); r++) {
  const { code } = await issueEnrolment(repositoriesOf(server.database), { name: 'Bench', unit: 'Bench', now: new Date() });
  const page = await browser.newPage();
  await page.goto(`${server.url}/`);
  await page.waitForFunction(() => 'phoneBench' in window);
  const out = await page.evaluate(async ([n, id, sections, c]) => {
    const s = await (window as any).phoneBench.syncQueued(n, id, sections, c);
    return { ...s, prof: (globalThis as any).__prof };
  }, [N, lesson.id, lesson.sections, code] as const);
  console.log(JSON.stringify({ ms: Math.round(out.ms), http: Math.round(out.httpMs), rounds: out.rounds, prof: Object.fromEntries(Object.entries(out.prof ?? {}).filter(([k]) => k !== 't1').map(([k, v]) => [k, Math.round(v as number)])) }));
  await page.context().close();
}
await browser.close();
await server.close();
