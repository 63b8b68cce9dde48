import type { LocalStore } from '../../src/data/local-store.ts';
import type { EventInput } from '../../src/data/outbox/record.ts';
import type { Catalogue } from '../../src/shared/catalogue.ts';

/** One random learner action inside `catalogue`, drawn with `random`. */
function randomAction(catalogue: Catalogue, random: () => number): EventInput {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const lesson = pick(catalogue.lessons);
  const lessonId = lesson.id;
  const sectionId = pick(lesson.sections);
  const roll = random();
  if (roll < 0.3) return { type: 'section_read', lessonId, payload: { sectionId } };
  if (roll < 0.45 && lesson.questions.length) {
    const answers = Object.fromEntries(lesson.questions.map((q) => [q.id, [pick(q.options)]]));
    const score = Math.round(random() * 10) / 10;
    return { type: 'quiz_answered', lessonId, payload: { answers, score, passed: score >= 0.7 } };
  }
  if (roll < 0.55) return { type: 'lesson_completed', lessonId, payload: {} };
  if (roll < 0.75) return { type: random() < 0.6 ? 'bookmark_set' : 'bookmark_cleared', lessonId, payload: { sectionId } };
  return { type: 'note_saved', lessonId, payload: { text: random() < 0.1 ? '' : `Ghi chú ${Math.floor(random() * 1e6)}: Chính phủ số` } };
}

/** Records `count` random actions in `store`; resolves with their event ids. */
export async function recordRandom(store: LocalStore, catalogue: Catalogue, random: () => number, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push((await store.outbox.record(randomAction(catalogue, random))).id);
  return ids;
}
