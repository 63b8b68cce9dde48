import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CATALOGUE_FILE, toCatalogue } from '../../src/shared/catalogue.ts';
import { hashedCoursePath } from '../../src/shared/hashed-files.ts';
import type { CourseIndex } from '../../src/shared/lesson.ts';
import type { Course } from './compile-course.ts';

export interface CourseAssets {
  /** Bundled into the app: the course list needs it before anything is fetched. */
  index: CourseIndex;
  /**
   * Files under the output folder, by path relative to it (course/lessons/<id>.<hash>.json,
   * course/final-assessment.<hash>.json, …).
   */
  files: Map<string, string | Uint8Array<ArrayBuffer>>;
  /** The server's file (CATALOGUE_FILE): emitted beside the app, never precached. */
  catalogue: { fileName: string; source: string };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Lays the compiled course out as JSON files. Every name carries a hash of its content, and the
 * index that names them is bundled into the hashed app script, so a new deploy can never pair
 * new code with old text; the service worker precaches all of them for offline use.
 */
export function courseAssets(course: Course, base = '/'): CourseAssets {
  const files = new Map<string, string | Uint8Array<ArrayBuffer>>();
  const add = (stem: string, data: unknown) => {
    const source = JSON.stringify(data);
    const fileName = hashedCoursePath(`course/${stem}.json`, sha256(source));
    files.set(fileName, source);
    return base + fileName;
  };
  const lessons = course.lessons.map(({ sources, sections, quiz, terms, ...summary }) => {
    const images = [...(course.images.get(summary.id) ?? new Map<string, string>())];
    for (const [path, source] of images) files.set(path, new Uint8Array(readFileSync(source)));
    return {
      ...summary,
      sectionIds: sections.map((s) => s.id),
      url: add(`lessons/${summary.id}`, { ...summary, sources, sections, quiz, terms }),
      images: images.map(([path]) => `/${path}`), // as the lesson's HTML names them (lesson-images.ts)
    };
  });
  const glossaryUrl = add('glossary', course.glossary);
  const searchUrl = add('search', course.search);
  const { passMark, draw } = course.finalAssessment;
  const finalAssessment = { url: add('final-assessment', course.finalAssessment), passMark, draw };
  const version = sha256([...files.keys()].join()).slice(0, 10);
  const catalogue = { fileName: CATALOGUE_FILE, source: JSON.stringify({ version, ...toCatalogue(course) }) };
  return { index: { version, lessons, glossaryUrl, searchUrl, finalAssessment }, files, catalogue };
}
