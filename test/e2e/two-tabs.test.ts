import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../plugins/lessons/compile-course.ts';
import { readStore, useChromium } from './browser.ts';

const lesson = compileCourse(join(import.meta.dirname, '../../content')).lessons[0]!;
const bookmark = (i: number) => `Đánh dấu phần “${lesson.sections[i]!.title.vi}”`;

describe('the app in two tabs of Chromium', () => {
  const chromium = useChromium();

  // A tab's first step is stored through Dexie, the next ones straight to IndexedDB
  // (src/data/store/direct-write.ts): another tab must hear of both. That tab shows "Me", which
  // records nothing itself, so only the lesson tab's own announcements can update it.
  it('shows each bookmark set in a lesson on the "Me" page of another tab, stored once', async () => {
    const { context, page: reading } = await chromium.phone('vi-VN');
    await reading.goto(`/lessons/${lesson.id}`);
    await expect.poll(() => reading.locator('.lesson-section h2').first().textContent()).toBe(lesson.sections[0]!.title.vi);
    const me = await context.newPage();
    await me.goto('/me');
    const saved = me.getByTestId('saved-list').locator('li');

    for (const i of [0, 1]) {
      await reading.getByRole('button', { name: bookmark(i) }).click();
      await expect.poll(() => reading.getByRole('button', { name: bookmark(i) }).getAttribute('aria-pressed')).toBe('true');
      await expect.poll(() => saved.count(), { message: `bookmarks shown after tapping section ${i}` }).toBe(i + 1);
    }
    await expect.poll(() => saved.nth(1).textContent()).toContain(lesson.sections[1]!.title.vi);

    const steps = (await readStore(reading, 'events')).filter((e) => e.type === 'bookmark_set');
    expect(steps.map((e) => e.payload)).toEqual(expect.arrayContaining([0, 1].map((i) => ({ sectionId: lesson.sections[i]!.id }))));
    expect(steps).toHaveLength(2);
    const waiting = new Set((await readStore(reading, 'pending')).map((e) => e.id));
    expect(steps.every((e) => waiting.has(e.id))).toBe(true);
    await context.close();
  });
});
