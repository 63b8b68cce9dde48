import type { Hlc } from './hlc.ts';

/** Who wrote a last-writer-wins value and when: compared by HLC, then device, then event id. */
export interface WriteStamp {
  at: Hlc;
  deviceId: string;
  eventId: string;
}

/**
 * A trainee's progress in one lesson, derived from events by the merge rules (see
 * merge-progress.ts). Screens read this shape; they never read events.
 */
export interface LessonProgress {
  lessonId: string;
  /** Section ids read, in no particular order (a set that only grows). */
  sectionsRead: string[];
  completed: boolean;
  /** Every quiz attempt is kept. */
  attempts: Array<{ eventId: string; score: number; passed: boolean; at: Hlc }>;
  /** Best score over all attempts, or null before the first. */
  bestScore: number | null;
  /** Bookmarked section ids (last writer wins per section). */
  bookmarks: string[];
  /** The lesson's note ('' when none), last writer wins. */
  note: string;
  /**
   * The winning write behind `note` and each section's bookmark (cleared ones too), kept so an
   * older write that arrives late cannot overwrite a newer one. Screens can ignore it.
   */
  clocks: { note: WriteStamp | null; bookmarks: Record<string, WriteStamp & { on: boolean }> };
}
