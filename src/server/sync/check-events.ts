import type { ApiIssue } from '../../shared/api-error.ts';
import type { LearnerEvent } from '../../shared/events.ts';
import { parseHlc } from '../../shared/hlc.ts';
import type { CatalogueIndex } from '../course/catalogue-index.ts';

/**
 * How far a stamp may run ahead of the server's clock. Phones' clocks drift, so some slack is
 * fair; a stamp days ahead would win every last-writer-wins merge until that day comes.
 */
export const MAX_CLOCK_AHEAD_MS = 24 * 60 * 60 * 1000;

export interface EventCheckContext {
  catalogue: CatalogueIndex;
  /** The device the token was issued to: every pushed event must be its own. */
  deviceId: string;
  now: number;
}

/**
 * What the schema cannot know: that events point at real lessons, sections, questions and
 * options, come from the pushing device, and are not stamped in the future. One issue per fault,
 * with the path into the request body.
 */
export function checkEvents(events: LearnerEvent[], ctx: EventCheckContext): ApiIssue[] {
  const issues: ApiIssue[] = [];
  events.forEach((event, i) => {
    const at = (...path: Array<string | number>) => ['events', i, ...path];
    if (event.deviceId !== ctx.deviceId) {
      issues.push({ path: at('deviceId'), message: "must be the request's deviceId: a device pushes only its own events" });
    }
    if (parseHlc(event.at).wall > ctx.now + MAX_CLOCK_AHEAD_MS) {
      issues.push({ path: at('at'), message: 'is more than 24 hours ahead of the server clock' });
    }
    const lesson = ctx.catalogue.lessons.get(event.lessonId);
    if (!lesson) {
      issues.push({ path: at('lessonId'), message: `no lesson "${event.lessonId}" in the course` });
      return;
    }
    switch (event.type) {
      case 'section_read':
      case 'bookmark_set':
      case 'bookmark_cleared':
        if (!lesson.sections.has(event.payload.sectionId)) {
          issues.push({ path: at('payload', 'sectionId'), message: `no section "${event.payload.sectionId}" in lesson "${event.lessonId}"` });
        }
        break;
      case 'quiz_answered':
        for (const [questionId, optionIds] of Object.entries(event.payload.answers)) {
          const options = lesson.questions.get(questionId);
          if (!options) {
            issues.push({ path: at('payload', 'answers', questionId), message: `no question "${questionId}" in lesson "${event.lessonId}"` });
            continue;
          }
          optionIds.forEach((optionId, j) => {
            if (!options.has(optionId)) {
              issues.push({ path: at('payload', 'answers', questionId, j), message: `no option "${optionId}" in question "${questionId}"` });
            }
          });
        }
        break;
      case 'lesson_completed':
      case 'note_saved':
        break;
    }
  });
  return issues;
}
