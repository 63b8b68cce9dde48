import { describe, expect, it, vi } from 'vitest';
import { cachedBytes, type DownloadDeps } from '../../src/app/offline/course-download.ts';

describe('the size of the course on the phone', () => {
  it('counts only the cached files, and never downloads one that is missing', async () => {
    const cached: Record<string, string> = { '/a.json': 'aaaa', '/c.json': 'cccccc' };
    const fetch = vi.fn();
    const deps: DownloadDeps = {
      caches: {
        match: async (url) => (cached[String(url)] === undefined ? undefined : new Response(cached[String(url)])),
        open: async () => ({}) as Cache,
      },
      fetch,
    };
    expect(await cachedBytes(['/a.json', '/b.json', '/c.json'], deps)).toBe(10);
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('what "download for offline" keeps', () => {
  it('is every lesson file and picture, the final assessment\'s pool, the glossary and the search index', async () => {
    const { courseUrls } = await import('../../src/app/offline/CourseDownload.tsx');
    const { course } = await import('../../src/app/content/course.ts');
    const urls = courseUrls(course.lessons);
    expect(urls).toContain(course.finalAssessment.url);
    expect(urls).toEqual(expect.arrayContaining([...course.lessons.flatMap((l) => [l.url, ...l.images]), course.glossaryUrl, course.searchUrl]));
    expect(new Set(urls).size).toBe(urls.length);
  });
});
