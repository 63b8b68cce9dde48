import type { LessonProgress } from '../../shared/progress.ts';
import { finalAssessmentId } from './course.ts';

export interface FinalStanding {
  attempts: number;
  /** Best score over every attempt, 0..1. */
  best: number;
  passed: boolean;
}

/**
 * The trainee's final assessment so far, from the merged progress (every attempt kept, the best
 * score): null before the first attempt.
 */
export function finalStanding(progress: Record<string, LessonProgress> | undefined): FinalStanding | null {
  const p = progress?.[finalAssessmentId];
  if (!p || p.attempts.length === 0) return null;
  return { attempts: p.attempts.length, best: p.bestScore ?? 0, passed: p.attempts.some((a) => a.passed) };
}

/** The share of `count` questions to answer right to reach `passMark`, as a number of questions. */
export const questionsToPass = (count: number, passMark: number): number => Math.ceil(count * passMark - 1e-9);
