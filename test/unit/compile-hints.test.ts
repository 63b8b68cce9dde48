import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileHints, EAGER_COMPILE } from '../../plugins/compile-hints.ts';

/** A page whose script imports a module statically (part of the first load) and two lazily (screens behind a tap). */
function fixture(): string {
  const root = mkdtempSync(join(tmpdir(), 'egov-compile-hints-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><div id="app"></div><script type="module" src="./main.js"></script>');
  writeFileSync(join(root, 'shared.js'), "export const greet = (n) => `hello ${n} from the first load`;");
  writeFileSync(join(root, 'main.js'), "import { greet } from './shared.js';\nglobalThis.out = greet('main');\nimport('./screen.js');\nimport('./later.js');\n");
  writeFileSync(join(root, 'screen.js'), "export function screen() { return 'the named screen'; }\n");
  writeFileSync(join(root, 'later.js'), "export function later() { return 'behind a tap'; }\n");
  return root;
}

async function buildFixture(root: string, plugins: ReturnType<typeof compileHints>[], outDir: string) {
  await build({
    root,
    configFile: false,
    logLevel: 'silent',
    plugins,
    // The shared module in a chunk of its own, and no modulepreload link naming it: found as what
    // the page's script imports.
    build: { outDir, sourcemap: true, minify: false, modulePreload: false, rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'shared', test: /shared\.js/ }] } } } },
  });
  const assets = join(outDir, 'assets');
  const files = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const read = (prefix: string) => {
    const name = files.find((f) => f.startsWith(`${prefix}-`))!;
    expect(name, `${prefix} chunk in ${files.join(', ')}`).toBeDefined();
    return { code: readFileSync(join(assets, name), 'utf8'), map: JSON.parse(readFileSync(join(assets, `${name}.map`), 'utf8')) as { mappings: string } };
  };
  return { html: readFileSync(join(outDir, 'index.html'), 'utf8'), main: read('index'), shared: read('shared'), screen: read('screen'), later: read('later') };
}

describe('compile hints in the build', () => {
  let hinted: Awaited<ReturnType<typeof buildFixture>>;
  let plain: Awaited<ReturnType<typeof buildFixture>>;
  beforeAll(async () => {
    const root = fixture();
    plain = await buildFixture(root, [], join(root, 'plain'));
    hinted = await buildFixture(root, [compileHints()], join(root, 'hinted'));
  }, 60_000);

  it('starts the page\'s script and what it imports statically with V8\'s comment', () => {
    expect(hinted.html).toMatch(/<script type="module"[^>]* src="\/assets\/index-[^"]+\.js"/);
    for (const chunk of [hinted.main, hinted.shared]) {
      expect(chunk.code.split('\n')[0]).toBe(EAGER_COMPILE);
    }
  });

  it('leaves the lazy chunks as they were', () => {
    for (const name of ['screen', 'later'] as const) {
      expect(hinted[name].code).toBe(plain[name].code);
      expect(hinted[name].code).not.toContain(EAGER_COMPILE);
    }
  });

  it('changes nothing else, and moves each source map down the one line it added', () => {
    for (const name of ['main', 'shared'] as const) {
      expect(hinted[name].code).toBe(`${EAGER_COMPILE}\n${plain[name].code}`);
      expect(hinted[name].map.mappings).toBe(`;${plain[name].map.mappings}`);
    }
  });
});
