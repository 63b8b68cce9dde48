import { readFileSync, statSync } from 'node:fs';
import { type OfficeCourse, officeCourseSchema } from '../../shared/office-course.ts';

/** The course's texts for the office as they are now; undefined when the build wrote none. */
export type CurrentOfficeCourse = () => OfficeCourse | undefined;

/**
 * Reads the build's office-course.json (titles, prompts, the answer key) and reads it again when
 * a new build is copied over. Unlike the catalogue it is not needed to serve trainees: without it
 * the dashboard shows ids instead of titles and cannot say which first answers were right.
 */
export function watchOfficeCourseFile(file: string): CurrentOfficeCourse {
  let read: { version: string; course: OfficeCourse | undefined } | undefined;
  return () => {
    const stat = statSync(file, { throwIfNoEntry: false });
    const version = stat ? `${stat.mtimeMs}:${stat.size}` : 'missing';
    if (read?.version !== version) {
      try {
        read = { version, course: stat ? officeCourseSchema.parse(JSON.parse(readFileSync(file, 'utf8'))) : undefined };
      } catch {
        // Half written: keep what was read before, and look again next time.
        return read?.course;
      }
    }
    return read.course;
  };
}
