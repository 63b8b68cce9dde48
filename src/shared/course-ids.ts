/**
 * Lessons and sections keep their progress when the course renames them: the content lists a
 * lesson's or a section's former ids (`formerIds`), and events recorded against a former id count
 * for the current one. The phone's course index and the server's catalogue both carry the
 * mapping, and both sides map with these functions.
 */
export interface CourseIdSource {
  lessons: ReadonlyArray<{
    id: string;
    /** Ids this lesson had in earlier versions of the course. */
    formerIds?: readonly string[] | undefined;
    /** A former section id of this lesson → the section's id now. */
    formerSectionIds?: Readonly<Record<string, string>> | undefined;
  }>;
}

/** The lesson's id in this course: itself, or the id of the lesson that lists it as former; undefined for neither. */
export function currentLessonId(course: CourseIdSource, lessonId: string): string | undefined {
  return (course.lessons.find((l) => l.id === lessonId) ?? course.lessons.find((l) => l.formerIds?.includes(lessonId)))?.id;
}

/** The section's id now in the lesson `lessonId` (current or former id): the renamed id, or itself. */
export function currentSectionId(course: CourseIdSource, lessonId: string, sectionId: string): string {
  const id = currentLessonId(course, lessonId);
  const renamed = course.lessons.find((l) => l.id === id)?.formerSectionIds;
  // Own properties only: a section may well be called "constructor".
  return renamed && Object.hasOwn(renamed, sectionId) ? renamed[sectionId]! : sectionId;
}

/**
 * The event with its lesson and section ids as the course has them now, so progress folds
 * under the current ids; an id the course does not know is left as it is.
 */
export function withCurrentIds<E extends { lessonId: string; payload: object }>(course: CourseIdSource, event: E): E {
  const lessonId = currentLessonId(course, event.lessonId) ?? event.lessonId;
  const payload = event.payload as { sectionId?: unknown };
  if (typeof payload.sectionId !== 'string') return lessonId === event.lessonId ? event : { ...event, lessonId };
  const sectionId = currentSectionId(course, event.lessonId, payload.sectionId);
  if (lessonId === event.lessonId && sectionId === payload.sectionId) return event;
  return { ...event, lessonId, payload: { ...event.payload, sectionId } };
}
