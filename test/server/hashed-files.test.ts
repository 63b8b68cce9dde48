import { describe, expect, it } from 'vitest';
import { hashedCoursePath, isHashedFile } from '../../src/shared/hashed-files.ts';

describe('hashed file names, one rule for the build, the server and the service worker', () => {
  it("names a course file by the first 10 hex digits of its SHA-256, and recognises Vite's and the course's names", () => {
    const path = hashedCoursePath('course/lessons/core-experts.json', '0123456789abcdef');
    expect(path).toBe('course/lessons/core-experts.0123456789.json');
    expect(isHashedFile(`/${path}`)).toBe(true);
    expect(isHashedFile(`/${hashedCoursePath('course/images/map.svg', 'abcdefabcdef')}`)).toBe(true);
    expect(isHashedFile('/assets/index-Ab12Cd34.js')).toBe(true);
    expect(isHashedFile('/assets/LessonPage-B_x-9zQ1.css')).toBe(true);
  });

  it('leaves files that keep their name across versions alone', () => {
    for (const path of ['/index.html', '/sw.js', '/manifest.webmanifest', '/course-catalogue.json', '/navigation-hints.json', '/icons/icon-192.png', '/course/lessons/core-experts.json', '/assets/index.js']) {
      expect(isHashedFile(path), path).toBe(false);
    }
  });
});
