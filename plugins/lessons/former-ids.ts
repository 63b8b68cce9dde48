import type { Lesson } from '../../src/shared/lesson.ts';
import { duplicates } from './check-quiz.ts';
import type { Problems } from './content-error.ts';
import type { RenderedSection } from './render-markdown.ts';

interface Side {
  file: string;
  formerIds: readonly string[];
  sections: readonly RenderedSection[];
}

/**
 * A lesson's former ids (front matter `formerIds`) and its sections' (`{#id former=old-id}`), as
 * the compiled lesson carries them: `formerIds`, and `formerSectionIds` from each former section
 * id to the current one. Both languages must list the same; a former id may not be a current one.
 */
export function formerIdsOf(vi: Side, en: Side, problems: Problems): Pick<Lesson, 'formerIds' | 'formerSectionIds'> {
  if (vi.formerIds.join() !== en.formerIds.join()) {
    problems.add(en.file, `field "formerIds" is [${en.formerIds.join(', ')}] but vi.md says [${vi.formerIds.join(', ')}]`);
  }
  const formerOf = (s: RenderedSection) => s.formerIds.join();
  for (const section of en.sections) {
    const other = vi.sections.find((s) => s.id === section.id);
    if (other && formerOf(other) !== formerOf(section)) {
      problems.add(en.file, `section #${section.id} has former ids [${section.formerIds.join(', ')}] but vi.md says [${other.formerIds.join(', ')}]`);
    }
  }
  const current = new Set(vi.sections.map((s) => s.id));
  const formerSectionIds: Record<string, string> = {};
  for (const section of vi.sections) {
    for (const old of section.formerIds) {
      if (current.has(old)) problems.add(vi.file, `section #${section.id}: former id "${old}" is the id of a section in this lesson`);
      formerSectionIds[old] = section.id;
    }
  }
  for (const old of duplicates(vi.sections.flatMap((s) => s.formerIds))) problems.add(vi.file, `former section id "${old}" is listed more than once`);
  return {
    ...(vi.formerIds.length ? { formerIds: [...vi.formerIds] } : {}),
    ...(Object.keys(formerSectionIds).length ? { formerSectionIds } : {}),
  };
}

/** A former lesson id must name one lesson only, and no lesson of the course now. */
export function checkLessonFormerIds(lessonsDir: string, lessons: readonly Lesson[], problems: Problems) {
  const current = new Set(lessons.map((l) => l.id));
  for (const lesson of lessons) {
    for (const old of lesson.formerIds ?? []) {
      if (current.has(old)) problems.add(lessonsDir, `lesson "${lesson.id}": former id "${old}" is the id of a lesson in the course`);
    }
  }
  for (const old of duplicates(lessons.flatMap((l) => l.formerIds ?? []))) problems.add(lessonsDir, `former lesson id "${old}" is listed by more than one lesson`);
}
