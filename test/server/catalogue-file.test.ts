import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../plugins/lessons/compile-course.ts';
import { configFromEnv } from '../../src/server/config.ts';
import { CatalogueFileError, watchCatalogueFile } from '../../src/server/course/catalogue-file.ts';
import { startServer } from '../../src/server/server.ts';
import { CATALOGUE_FILE, catalogueSchema, toCatalogue } from '../../src/shared/catalogue.ts';
import { testCatalogue } from './test-catalogue.ts';

function buildWith(catalogue?: unknown) {
  const dir = mkdtempSync(join(tmpdir(), 'egov-learn-dist-'));
  if (catalogue !== undefined) writeFileSync(join(dir, CATALOGUE_FILE), JSON.stringify(catalogue));
  return dir;
}

describe("the course catalogue the build wrote", () => {
  it('is read from STATIC_DIR unless COURSE_CATALOGUE names another file', () => {
    expect(configFromEnv({ STATIC_DIR: '/srv/app' }).catalogueFile).toBeUndefined();
    expect(configFromEnv({ COURSE_CATALOGUE: '/tmp/c.json' }).catalogueFile).toBe('/tmp/c.json');
    const dir = buildWith(testCatalogue);
    expect(watchCatalogueFile(join(dir, CATALOGUE_FILE))().catalogue).toEqual(testCatalogue);
  });

  it('stops a server without a build, saying how to make one, before it opens the database', async () => {
    const dir = buildWith();
    const started = startServer({ port: 0, host: '127.0.0.1', dataDir: join(dir, 'data'), databaseUrl: undefined, staticDir: dir });
    await expect(started).rejects.toThrow(CatalogueFileError);
    await expect(started).rejects.toThrow(/npm run build.*COURSE_CATALOGUE/);
    expect(existsSync(join(dir, 'data'))).toBe(false);
    expect(() => watchCatalogueFile(join(buildWith({ lessons: 'none' }), CATALOGUE_FILE))).toThrow(/is not a course catalogue/);
  });

  it('follows a new build copied over, keeping the last good catalogue while the file is half written', () => {
    const dir = buildWith(testCatalogue);
    const file = join(dir, CATALOGUE_FILE);
    const current = watchCatalogueFile(file);
    expect(current().lessons.has('data-sharing')).toBe(true);
    writeFileSync(file, '{"lessons": [{"id": "digital-gov');
    expect(current().lessons.has('data-sharing')).toBe(true);
    const next = { lessons: [{ id: 'data-sharing', sections: ['intro'], questions: [] }] };
    writeFileSync(file, JSON.stringify(next));
    expect(current().catalogue).toEqual(next);
    expect(current().lessons.has('digital-government')).toBe(false);
  });

  it('is what the course compiles to, beside the built app and outside the precache', (ctx) => {
    const dist = resolve('dist');
    if (!existsSync(join(dist, 'sw.js'))) ctx.skip(); // `npm test` builds before the server tests
    const built = catalogueSchema.parse(JSON.parse(readFileSync(join(dist, CATALOGUE_FILE), 'utf8')));
    // With the course index's content version, which completion records name.
    expect(built).toEqual({ version: expect.stringMatching(/^[0-9a-f]{10}$/), ...toCatalogue(compileCourse(resolve('content'))) });
    const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
    expect(sw).not.toContain(CATALOGUE_FILE);
    expect(sw).not.toContain('catalogue');
  });
});
