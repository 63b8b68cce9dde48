import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The layout's rules (ARCHITECTURE.md, the READMEs), checked on the source itself so a change
 * that breaks one fails here, with the file named, instead of in a reviewer's head.
 */

const root = join(import.meta.dirname, '../..');
const sourceFiles = (dir: string): string[] =>
  readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx)$/.test(f))
    .map((f) => join(dir, f));
const importsOf = (file: string) =>
  [...readFileSync(join(root, file), 'utf8').matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'([^']+)'/g)].map((m) => m[1]!);
/** Files in `dir` importing something that matches `forbidden`, as "file → import". */
const offenders = (dir: string, forbidden: (specifier: string, file: string) => boolean) =>
  sourceFiles(dir).flatMap((file) => importsOf(file).filter((s) => forbidden(s, file)).map((s) => `${file} → ${s}`));
const resolvesInto = (file: string, specifier: string, folder: string) =>
  specifier.startsWith('.') && relative(join(root, folder), join(root, file, '..', specifier)).split('/')[0] !== '..';

describe('the layout', () => {
  it('src/shared imports neither side, nor Node or the DOM', () => {
    expect(offenders('src/shared', (s) => s.startsWith('node:') || /\/(app|data|server|sw)\//.test(s) || s === 'dexie')).toEqual([]);
  });

  it('src/data imports src/shared only (and Dexie)', () => {
    expect(offenders('src/data', (s, f) => s.startsWith('.') && !resolvesInto(f, s, 'src/data') && !resolvesInto(f, s, 'src/shared'))).toEqual([]);
  });

  it('src/app never imports Dexie, and never names a table', () => {
    expect(offenders('src/app', (s) => s === 'dexie' || s.startsWith('dexie/'))).toEqual([]);
    const tables = sourceFiles('src/app').filter((f) => /\.(events|progress|meta)\.(get|put|add|where|toArray|count|filter|orderBy|bulk\w+|modify|delete|clear)\(/.test(readFileSync(join(root, f), 'utf8')));
    expect(tables).toEqual([]);
  });

  it('src/server never imports the build (plugins/), the app or the data layer', () => {
    expect(offenders('src/server', (s, f) => s.startsWith('.') && /^(plugins|src\/(app|data|sw))\//.test(relative(root, join(root, f, '..', s))))).toEqual([]);
  });

  it('keeps every source file under 250 lines', () => {
    const long = ['src', 'plugins'].flatMap(sourceFiles).filter((f) => readFileSync(join(root, f), 'utf8').split('\n').length > 250);
    expect(long).toEqual([]);
  });

  it('src/sw imports src/shared only', () => {
    expect(offenders('src/sw', (s, f) => s.startsWith('.') && !resolvesInto(f, s, 'src/sw') && !resolvesInto(f, s, 'src/shared'))).toEqual([]);
  });
});
