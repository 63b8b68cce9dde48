import { readStored, writeStored } from '../../../data/local-storage.ts';
import type { Bilingual } from '../../../shared/lesson.ts';

/**
 * The place last read in any lesson, for the home screen's "continue" card: kept on the phone
 * (localStorage, like each lesson's own place), so the card shows on the first paint without
 * waiting for the database. The section's title is kept with it: the lesson's text is not.
 */
export interface LastRead {
  lessonId: string;
  sectionId: string;
  sectionTitle: Bilingual;
}

const KEY = 'egov-learn.lastRead';

const parse = (v: unknown): LastRead | undefined => {
  const p = v as Partial<LastRead> | null;
  return p && typeof p.lessonId === 'string' && typeof p.sectionId === 'string' && typeof p.sectionTitle?.vi === 'string' && typeof p.sectionTitle.en === 'string'
    ? { lessonId: p.lessonId, sectionId: p.sectionId, sectionTitle: { vi: p.sectionTitle.vi, en: p.sectionTitle.en } }
    : undefined;
};

export const loadLastRead = () => readStored(KEY, parse);
export const saveLastRead = (place: LastRead) => writeStored(KEY, place);
