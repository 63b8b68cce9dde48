import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../plugins/lessons/compile-course.ts';
import { passQuiz, readStore, useChromium, waitForServiceWorker } from './browser.ts';

const course = compileCourse(join(import.meta.dirname, '../../content'));
const downloadBox = (page: Page) => page.getByTestId('course-download').textContent();
const offlineMarks = (page: Page) => page.locator('.course-list .offline-mark').count();

/** How many quiz attempts the phone's event log holds. */
const answeredOn = async (page: Page) => (await readStore(page, 'events')).filter((e) => e.type === 'quiz_answered').length;

describe('the course offline in Chromium', () => {
  const chromium = useChromium();

  it('after the first visit, opens every lesson by deep link offline, records a quiz and keeps it through a reload', async () => {
    const { context, page } = await chromium.phone('vi-VN');
    await page.goto('/');
    await waitForServiceWorker(page);
    // The worker precaches every lesson at install, so the course list says so without a click.
    await expect.poll(() => downloadBox(page)).toMatch(/^Toàn bộ khóa học đã có trên điện thoại \(\d/);
    await expect.poll(() => offlineMarks(page)).toBe(course.lessons.length);

    await context.setOffline(true);
    for (const lesson of course.lessons) {
      await page.goto(`/lessons/${lesson.id}`);
      await expect.poll(() => page.locator('.lesson-section h2').first().textContent()).toBe(lesson.sections[0]!.title.vi);
      // Opened at its top, a lesson is drawn a section per paint.
      await expect.poll(() => page.locator('.lesson-section').count()).toBe(lesson.sections.length);
    }

    // Pictures come from the cache too: each one, scrolled into view (they load lazily), is drawn.
    for (const lesson of course.lessons.filter((l) => l.sections.some((s) => s.blocks.some((b) => b.vi.includes('<img'))))) {
      await page.goto(`/lessons/${lesson.id}`);
      const pictures = page.locator('.block[lang="vi"] img');
      await expect.poll(() => pictures.count()).toBeGreaterThan(0);
      for (const picture of await pictures.all()) {
        await picture.scrollIntoViewIfNeeded();
        await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
      }
    }

    const lesson = course.lessons[0]!;
    await page.goto(`/lessons/${lesson.id}`);
    await passQuiz(page, lesson);
    await expect.poll(() => answeredOn(page)).toBeGreaterThanOrEqual(1);
    await page.reload();
    await expect.poll(() => page.locator('.lesson-section h2').first().textContent()).toBe(lesson.sections[0]!.title.vi);
    // The attempt is still on the phone after the offline reload.
    expect(await answeredOn(page)).toBeGreaterThanOrEqual(1);
    await context.close();
  });

  it('downloads lessons missing from the phone, stops when the connection drops, and resumes on retry', async () => {
    const { context, page } = await chromium.phone('vi-VN');
    await page.goto('/');
    await waitForServiceWorker(page);
    // As if the phone had evicted two lessons: take them out of every cache.
    const gone = course.lessons.slice(-2);
    const urls = await page.evaluate(async (ids) => {
      const removed: string[] = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          if (ids.some((id) => new URL(request.url).pathname.startsWith(`/course/lessons/${id}.`))) {
            await cache.delete(request);
            removed.push(request.url);
          }
        }
      }
      return removed;
    }, gone.map((l) => l.id));
    expect(urls).toHaveLength(2);

    await page.reload();
    const total = course.lessons.length;
    await expect.poll(() => downloadBox(page)).toContain(`Đã có ${total - 2}/${total} bài học`);
    await expect.poll(() => offlineMarks(page)).toBe(total - 2);

    await context.setOffline(true);
    await page.getByRole('button', { name: 'Tải khóa học để học ngoại tuyến' }).click();
    await expect.poll(() => downloadBox(page)).toContain('Quá trình tải bị dừng');

    await context.setOffline(false);
    await page.getByRole('button', { name: 'Thử lại' }).click();
    await expect.poll(() => downloadBox(page)).toMatch(/^Toàn bộ khóa học đã có trên điện thoại/);
    await expect.poll(() => offlineMarks(page)).toBe(total);

    // The downloaded lessons now open offline too.
    await context.setOffline(true);
    for (const lesson of gone) {
      await page.goto(`/lessons/${lesson.id}`);
      await expect.poll(() => page.locator('.lesson-section h2').first().textContent()).toBe(lesson.sections[0]!.title.vi);
    }
    await context.close();
  });
});
