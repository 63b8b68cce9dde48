import type { Catalogue } from '../../src/shared/catalogue.ts';
import type { LearnerEvent } from '../../src/shared/events.ts';
import { FINAL_ASSESSMENT_ID } from '../../src/shared/lesson.ts';
import { event } from './sync-client.ts';
import { testCatalogue } from './test-catalogue.ts';

/** The test course with a final assessment and a content version, as a build writes it. */
export const completionCatalogue: Catalogue = {
  version: 'test-v1',
  lessons: [...testCatalogue.lessons, { id: FINAL_ASSESSMENT_ID, sections: [], questions: [{ id: 'fq-1', options: ['a', 'b'] }, { id: 'fq-2', options: ['a', 'b'] }] }],
};

/** The steps of one lesson as the app records them: every section read, a quiz passed if it has one, completed. */
export function lessonSteps(device: { deviceId: string }, lessonId: string, score = 1): LearnerEvent[] {
  const lesson = completionCatalogue.lessons.find((l) => l.id === lessonId)!;
  return [
    ...lesson.sections.map((sectionId) => event(device, 'section_read', { sectionId }, { lessonId })),
    ...(lesson.questions.length ? [event(device, 'quiz_answered', { answers: { [lesson.questions[0]!.id]: ['a'] }, score, passed: true }, { lessonId })] : []),
    event(device, 'lesson_completed', {}, { lessonId }),
  ];
}

/** A final-assessment attempt. */
export const finalAttempt = (device: { deviceId: string }, score: number, passed = score >= 0.8) =>
  event(device, 'quiz_answered', { answers: { 'fq-1': ['a'], 'fq-2': ['b'] }, score, passed }, { lessonId: FINAL_ASSESSMENT_ID });

/** Everything that completes the course, from one device. */
export const completingSteps = (device: { deviceId: string }): LearnerEvent[] => [
  ...lessonSteps(device, 'digital-government', 0.5),
  ...lessonSteps(device, 'data-sharing'),
  finalAttempt(device, 0.5),
  finalAttempt(device, 0.85),
];
