import { currentLessonId, currentSectionId } from '../../shared/course-ids.ts';
import type { LearnerEvent } from '../../shared/events.ts';
import type { CatalogueIndex } from '../course/catalogue-index.ts';

/** Why the course has no place for an event: stored with the event as its flag. */
type PlacementFlag = 'unknown_lesson' | 'unknown_section';

/**
 * Whether the course has a place for the event: its lesson (current, or a former id of one), and
 * the section it names in that lesson (a renamed section counts under its new id). Undefined when
 * placed; otherwise the flag it is stored with.
 *
 * A quiz attempt needs only its lesson: it was scored against the quiz of its day, and a later
 * course that rewrote or dropped a question does not undo a test taken. Its answers to questions
 * the course no longer has are kept as recorded; per-question statistics skip them.
 */
export function placeEvent(event: LearnerEvent, course: CatalogueIndex): PlacementFlag | undefined {
  const lessonId = currentLessonId(course.catalogue, event.lessonId);
  const lesson = lessonId === undefined ? undefined : course.lessons.get(lessonId);
  if (!lesson) return 'unknown_lesson';
  switch (event.type) {
    case 'section_read':
    case 'bookmark_set':
    case 'bookmark_cleared':
      return lesson.sections.has(currentSectionId(course.catalogue, event.lessonId, event.payload.sectionId)) ? undefined : 'unknown_section';
    case 'quiz_answered':
    case 'lesson_completed':
    case 'note_saved':
      return undefined;
  }
}
