import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const filesIn = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesIn(join(dir, e.name)) : [join(dir, e.name)]));

describe("the build's brotli copies (plugins/precompress.ts)", () => {
  it('are each exactly the file beside it, for the scripts, styles, page and course files', () => {
    const files = filesIn(resolve('dist'));
    const copies = files.filter((f) => f.endsWith('.br'));
    for (const copy of copies) expect(brotliDecompressSync(readFileSync(copy)).equals(readFileSync(copy.slice(0, -3))), copy).toBe(true);
    for (const wanted of [/\/index\.html\.br$/, /\/assets\/index-[\w-]+\.js\.br$/, /\/assets\/style-[\w-]+\.css\.br$/, /\/course\/lessons\/[\w-]+\.\w+\.json\.br$/]) {
      expect(copies.some((f) => wanted.test(f)), String(wanted)).toBe(true);
    }
  });
});
