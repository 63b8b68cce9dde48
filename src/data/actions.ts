import { getDb } from './db.ts';
import type { EventInput } from './record.ts';
import { flushUnsaved, saveStep } from './unsaved-steps.ts';

/*
 * The verbs the lesson screens call. Each records one event and nothing else. None of them
 * rejects: a failure (storage full, say) becomes a DataError with an i18n key in the sync
 * status, which the header shows in the trainee's language, and the step waits in
 * unsaved-steps.ts until it can be stored, so it is never lost and a screen that forgets to
 * catch cannot crash. Progress itself is read through the hooks.
 */

/** Records that the trainee read a section of a lesson. */
export const markSectionRead = (lessonId: string, sectionId: string): Promise<void> =>
  save({ type: 'section_read', lessonId, payload: { sectionId } });

/** Records one quiz attempt: question id → chosen option ids, the score (0..1) and the verdict. */
export const answerQuiz = (lessonId: string, answers: Record<string, string[]>, score: number, passed: boolean): Promise<void> =>
  save({ type: 'quiz_answered', lessonId, payload: { answers, score, passed } });

/** Records that the trainee finished a lesson (it stays finished). */
export const completeLesson = (lessonId: string): Promise<void> => save({ type: 'lesson_completed', lessonId, payload: {} });

/** Sets or clears the bookmark on a section. */
export const setBookmark = (lessonId: string, sectionId: string, on: boolean): Promise<void> =>
  save({ type: on ? 'bookmark_set' : 'bookmark_cleared', lessonId, payload: { sectionId } });

/** Saves the lesson's note; an empty text clears it. */
export const saveNote = (lessonId: string, text: string): Promise<void> => save({ type: 'note_saved', lessonId, payload: { text } });

/**
 * Stores the steps that could not be saved before (storage was full, say): the "Try again"
 * button calls it, and the app at start, for steps a reload left in the queue.
 */
export const retryUnsaved = async (): Promise<void> => {
  await flushUnsaved(getDb());
};

async function save(input: EventInput): Promise<void> {
  await saveStep(getDb(), input);
}
