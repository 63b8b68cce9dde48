import { currentLessonId, currentSectionId } from '../../shared/course-ids.ts';
import type { LearnerEvent } from '../../shared/events.ts';
import type { CatalogueIndex } from '../course/catalogue-index.ts';

/** Why the course has no place for an event: stored with the event as its flag. */
type PlacementFlag = 'unknown_lesson' | 'unknown_section' | 'unknown_question' | 'unknown_option';

/**
 * Whether the course has a place for the event: its lesson (current, or a former id of one), and
 * the section, questions and options it names in that lesson (a renamed section counts under
 * its new id). Undefined when placed; otherwise the flag it is stored with.
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
      for (const [questionId, optionIds] of Object.entries(event.payload.answers)) {
        const options = lesson.questions.get(questionId);
        if (!options) return 'unknown_question';
        if (!optionIds.every((id) => options.has(id))) return 'unknown_option';
      }
      return undefined;
    case 'lesson_completed':
    case 'note_saved':
      return undefined;
  }
}
