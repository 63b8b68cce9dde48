import type { CourseIdSource } from '../shared/course-ids.ts';
import { appStore } from './local-store.ts';
import type { EventInput } from './outbox/record.ts';
import { setCourse } from './store/progress-rows.ts';

/*
 * The verbs the screens call. Each records one event in the app's outbox and nothing else. None
 * of them rejects: a failure (storage full, say) goes out on the change channel, the sync status
 * shows it in the trainee's language, and the event waits in the outbox until it can be stored,
 * so it is never lost and a screen that forgets to catch cannot crash. Progress itself is read
 * through the live queries.
 */

/** Records that the trainee read a section of a lesson. */
export const markSectionRead = (lessonId: string, sectionId: string): Promise<void> =>
  add({ type: 'section_read', lessonId, payload: { sectionId } });

/**
 * Records one quiz attempt: question id → chosen option ids, the score (0..1), the verdict and
 * the attempt's shuffle seed (src/shared/quiz-order.ts), so a review shows the order it was taken in.
 */
export const answerQuiz = (lessonId: string, answers: Record<string, string[]>, score: number, passed: boolean, seed?: number): Promise<void> =>
  add({ type: 'quiz_answered', lessonId, payload: { answers, score, passed, ...(seed === undefined ? {} : { seed }) } });

/** Records that the trainee finished a lesson (it stays finished). */
export const completeLesson = (lessonId: string): Promise<void> => add({ type: 'lesson_completed', lessonId, payload: {} });

/** Sets or clears the bookmark on a section. */
export const setBookmark = (lessonId: string, sectionId: string, on: boolean): Promise<void> =>
  add({ type: on ? 'bookmark_set' : 'bookmark_cleared', lessonId, payload: { sectionId } });

/** Saves the lesson's note; an empty text clears it. */
export const saveNote = (lessonId: string, text: string): Promise<void> => add({ type: 'note_saved', lessonId, payload: { text } });

/**
 * Stores the events that could not be stored before (storage was full, say): the "Try again"
 * button calls it, and the app at start, for events a reload left waiting.
 */
export const retryWaitingEvents = async (): Promise<void> => {
  await appStore().outbox.retry();
};

/**
 * Tells the app's store which course the phone has, so progress recorded against renamed lessons
 * or sections counts under their new ids (see store/progress-rows.ts).
 */
export const followCourse = (course: CourseIdSource & { version: string }): Promise<void> => setCourse(appStore().db, course);

async function add(input: EventInput): Promise<void> {
  await appStore().outbox.add(input);
}
