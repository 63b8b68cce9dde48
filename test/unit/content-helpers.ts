import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

export const fixtures = join(import.meta.dirname, 'fixtures');
export const goodCourse = join(fixtures, 'course');

/**
 * A copy of the good fixture course with one broken case laid over it: each file under
 * fixtures/broken/<name>/ replaces its namesake, and a `.remove-<file>` marker deletes one.
 */
export function brokenCourse(name: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `course-${name}-`));
  cpSync(goodCourse, dir, { recursive: true });
  const overlay = join(fixtures, 'broken', name);
  for (const file of walk(overlay)) {
    const rel = relative(overlay, file);
    const marker = /(^|\/)\.remove-([^/]+)$/.exec(rel);
    if (marker) rmSync(join(dir, rel.replace(/\.remove-([^/]+)$/, '$1')));
    else cpSync(file, join(dir, rel));
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
