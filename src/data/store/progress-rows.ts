import { currentLessonId, withCurrentIds, type CourseIdSource } from '../../shared/course-ids.ts';
import type { LearnerEvent } from '../../shared/events.ts';
import { applyEvent, foldEvents } from '../../shared/merge-progress.ts';
import type { LessonProgress } from '../../shared/progress.ts';
import { getMeta, setMeta, type LearnDb } from './learn-db.ts';

/*
 * The progress rows: a cache of the shared merge rules' fold over the events, one row per lesson
 * under the lesson's id in the course the phone has now. An event recorded against a lesson or a
 * section the course has since renamed (`formerIds`) counts for the new id, as on the server.
 * Every write of rows goes through here, inside the caller's transaction.
 */

/** The event as the current course names its lesson and section. */
export const placed = (db: LearnDb, event: LearnerEvent): LearnerEvent => (db.courseIds ? withCurrentIds(db.courseIds, event) : event);

/** Folds new events into their lessons' rows. */
export async function foldIntoRows(db: LearnDb, events: readonly LearnerEvent[]): Promise<void> {
  if (events.length === 0) return;
  const mapped = events.map((e) => placed(db, e));
  const lessonIds = [...new Set(mapped.map((e) => e.lessonId))];
  const rows = await db.progress.bulkGet(lessonIds);
  const byLesson = new Map<string, LessonProgress | undefined>(lessonIds.map((id, i) => [id, rows[i]]));
  for (const e of mapped) byLesson.set(e.lessonId, applyEvent(byLesson.get(e.lessonId), e));
  await db.progress.bulkPut([...byLesson.values()].filter((p) => p !== undefined));
}

/** Folds the rows of these lessons again from all their events (their stamps moved, say). */
export async function refoldLessons(db: LearnDb, eventLessonIds: readonly string[]): Promise<void> {
  const course = db.courseIds;
  const current = [...new Set(eventLessonIds.map((id) => (course ? (currentLessonId(course, id) ?? id) : id)))];
  // A lesson's events may be stored under its former ids too.
  const stored = current.flatMap((id) => [id, ...(course?.lessons.find((l) => l.id === id)?.formerIds ?? [])]);
  const folded = foldEvents((await db.events.where('lessonId').anyOf(stored).toArray()).map((e) => placed(db, e)));
  await db.progress.bulkPut(current.flatMap((id) => (folded[id] ? [folded[id]] : [])));
}

/**
 * Tells the store which course the phone has. When it is not the course the rows were folded
 * for (an update renamed a lesson or a section, say), every row is folded again from the events.
 */
export async function setCourse(db: LearnDb, course: CourseIdSource & { version: string }): Promise<void> {
  db.courseIds = course;
  // Usually nothing to do, and nothing is written: a phone with no events yet has no rows to fold
  // (its first events fold under this course anyway), and a known version needs no refold.
  const [version, events] = await Promise.all([getMeta(db, 'courseVersion'), db.events.count()]);
  if (version === course.version || events === 0) return;
  await db.transaction('rw', [db.events, db.progress, db.meta], async () => {
    if ((await getMeta(db, 'courseVersion')) === course.version) return;
    const rows = foldEvents((await db.events.toArray()).map((e) => placed(db, e)));
    await db.progress.clear();
    await db.progress.bulkPut(Object.values(rows));
    await setMeta(db, 'courseVersion', course.version);
  });
}
