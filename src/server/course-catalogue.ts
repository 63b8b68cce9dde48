import { fileURLToPath } from 'node:url';
import { compileCourse, toCatalogue } from '../../plugins/lessons/compile-course.ts';
import type { Catalogue } from '../shared/catalogue.ts';

const defaultContentDir = fileURLToPath(new URL('../../content', import.meta.url));

/**
 * The course's lesson, section, question and option ids, compiled from the same sources and
 * with the same checks as the build, so the server and the app can never disagree on them.
 */
export function loadCatalogue(contentDir: string = defaultContentDir): Catalogue {
  return toCatalogue(compileCourse(contentDir));
}
