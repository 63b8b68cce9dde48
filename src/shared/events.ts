import * as z from 'zod/mini';
import { courseIdSchema } from './course-id-schema.ts';
import { hlcSchema } from './hlc-schema.ts';
import { NOTE_MAX_LENGTH } from './lesson.ts';

/**
 * A phone's id for itself: a random UUID (crypto.randomUUID()) made once on first start. Events,
 * enrolment and the sync request carry it; a strict shape keeps bytes a database would mangle
 * (NUL, lone surrogates) out of every table.
 */
export const deviceIdSchema = z.uuid();

/** What every learner event carries; `id` is made on the phone and never changes. */
const eventBase = z.object({
  id: z.uuid(),
  deviceId: deviceIdSchema,
  lessonId: courseIdSchema,
  at: hlcSchema,
});

const sectionReadSchema = z.extend(eventBase, {
  type: z.literal('section_read'),
  payload: z.object({ sectionId: courseIdSchema }),
});

const quizAnsweredSchema = z.extend(eventBase, {
  type: z.literal('quiz_answered'),
  payload: z.object({
    /** Question id → the option ids chosen. */
    answers: z.record(courseIdSchema, z.array(courseIdSchema).check(z.minLength(1), z.maxLength(10))),
    /** Share of questions answered right, 0..1. */
    score: z.number().check(z.gte(0), z.lte(1)),
    passed: z.boolean(),
    /**
     * The attempt's shuffle seed (src/shared/quiz-order.ts, final-draw.ts), so a review shows
     * the options, and the final assessment's questions, in the order they were taken in.
     * A uint32. Optional: attempts recorded before shuffling carry none and were shown in file order.
     */
    seed: z.optional(z.number().check(z.int(), z.gte(0), z.lte(0xffff_ffff))),
  }),
});

const lessonCompletedSchema = z.extend(eventBase, {
  type: z.literal('lesson_completed'),
  payload: z.object({}),
});

const bookmarkSetSchema = z.extend(eventBase, {
  type: z.literal('bookmark_set'),
  payload: z.object({ sectionId: courseIdSchema }),
});

const bookmarkClearedSchema = z.extend(eventBase, {
  type: z.literal('bookmark_cleared'),
  payload: z.object({ sectionId: courseIdSchema }),
});

const noteSavedSchema = z.extend(eventBase, {
  type: z.literal('note_saved'),
  /** One note per lesson; an empty text clears it. */
  payload: z.object({ text: z.string().check(z.maxLength(NOTE_MAX_LENGTH)) }),
});

export const learnerEventSchema = z.discriminatedUnion('type', [
  sectionReadSchema,
  quizAnsweredSchema,
  lessonCompletedSchema,
  bookmarkSetSchema,
  bookmarkClearedSchema,
  noteSavedSchema,
]);
export type LearnerEvent = z.infer<typeof learnerEventSchema>;
export type LearnerEventType = LearnerEvent['type'];
export type EventOf<T extends LearnerEventType> = Extract<LearnerEvent, { type: T }>;
