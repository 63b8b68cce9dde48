import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileCourse, ContentError } from '../../plugins/lessons/compile-course.ts';
import { courseAssets } from '../../plugins/lessons/course-assets.ts';
import { toCatalogue } from '../../src/shared/catalogue.ts';
import { currentLessonId, currentSectionId, withCurrentIds } from '../../src/shared/course-ids.ts';
import { goodCourse } from '../unit/content-helpers.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** The fixture course with each lesson file's text edited by `edit`. */
function editedCourse(edit: (text: string, lang: 'vi' | 'en') => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'course-evolution-'));
  dirs.push(dir);
  cpSync(goodCourse, dir, { recursive: true });
  for (const lang of ['vi', 'en'] as const) {
    const file = join(dir, 'lessons', '01-sample', `${lang}.md`);
    writeFileSync(file, edit(readFileSync(file, 'utf8'), lang));
  }
  return dir;
}

const renamed = (text: string) =>
  text.replace('id: sample\n', 'id: sample\nformerIds: [old-sample, first-sample]\n').replace('{#intro}', '{#intro former=opening,start}');

function problemsOf(dir: string): string[] {
  try {
    compileCourse(dir);
    return [];
  } catch (e) {
    return (e as ContentError).problems;
  }
}

describe('former ids in the content', () => {
  it('carries a lesson\'s formerIds and its sections\' former ids into the catalogue and the course index', () => {
    const course = compileCourse(editedCourse(renamed));
    const [lesson] = toCatalogue(course).lessons;
    expect(lesson).toMatchObject({ id: 'sample', formerIds: ['old-sample', 'first-sample'], formerSectionIds: { opening: 'intro', start: 'intro' } });
    expect(courseAssets(course).index.lessons[0]).toMatchObject({ formerIds: ['old-sample', 'first-sample'], formerSectionIds: { opening: 'intro', start: 'intro' } });
    expect(course.lessons[0]!.sections[0]!.title.vi).toBe('Mở đầu');
    // Without former ids the compiled course has no trace of them.
    expect(Object.keys(toCatalogue(compileCourse(goodCourse)).lessons[0]!)).toEqual(['id', 'sections', 'questions']);
  });

  it('maps former ids to current ones for the phone and the server alike', () => {
    const catalogue = toCatalogue(compileCourse(editedCourse(renamed)));
    expect(currentLessonId(catalogue, 'old-sample')).toBe('sample');
    expect(currentLessonId(catalogue, 'sample')).toBe('sample');
    expect(currentLessonId(catalogue, 'never-was')).toBeUndefined();
    expect(currentSectionId(catalogue, 'first-sample', 'start')).toBe('intro');
    expect(currentSectionId(catalogue, 'sample', 'cloud')).toBe('cloud');
    expect(currentSectionId(catalogue, 'sample', 'constructor')).toBe('constructor');
    const read = { id: 'e', deviceId: 'd', at: '0', type: 'section_read', lessonId: 'old-sample', payload: { sectionId: 'opening' } } as const;
    expect(withCurrentIds(catalogue, read)).toEqual({ ...read, lessonId: 'sample', payload: { sectionId: 'intro' } });
    const note = { ...read, type: 'note_saved', payload: { text: 'x' } } as const;
    expect(withCurrentIds(catalogue, note)).toEqual({ ...note, lessonId: 'sample' });
    const current = { ...read, lessonId: 'sample', payload: { sectionId: 'cloud' } };
    expect(withCurrentIds(catalogue, current)).toBe(current); // already current: the same object back
  });

  it('refuses former ids the two languages disagree on, that name a current id, or that are not ids', () => {
    const cases: Array<[(text: string, lang: 'vi' | 'en') => string, string]> = [
      [(t, lang) => (lang === 'vi' ? renamed(t) : t), 'en.md: field "formerIds" is [] but vi.md says [old-sample, first-sample]'],
      [(t, lang) => (lang === 'en' ? t.replace('{#intro}', '{#intro former=opening}') : t), 'en.md: section #intro has former ids [opening] but vi.md says []'],
      [(t) => t.replace('{#intro}', '{#intro former=cloud}'), 'vi.md: section #intro: former id "cloud" is the id of a section in this lesson'],
      [(t) => t.replace('{#intro}', '{#intro former=Mở-đầu}'), 'vi.md: line 13: former section id "Mở-đầu" must be kebab-case ASCII'],
      [(t) => t.replace('{#intro}', '{#intro old=opening}'), 'vi.md: line 13: "old=opening" in {#intro …}: only former=old-id,… may follow the id'],
      [(t) => t.replace('{#intro}', '{#intro former=opening}').replace('{#cloud}', '{#cloud former=opening}'), 'vi.md: former section id "opening" is listed more than once'],
      [(t) => t.replace('id: sample\n', 'id: sample\nformerIds: [sample]\n'), 'lessons: lesson "sample": former id "sample" is the id of a lesson in the course'],
    ];
    for (const [edit, problem] of cases) {
      const problems = problemsOf(editedCourse(edit));
      expect(problems.some((p) => p.includes(problem)), `${problem}\nnot in:\n${problems.join('\n')}`).toBe(true);
    }
  });
});
