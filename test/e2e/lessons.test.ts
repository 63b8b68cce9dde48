import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../plugins/lessons/compile-course.ts';
import { baseUrl, chooseSetting, passQuiz, savedPlace, scrollSectionIntoView, topBlock, useChromium, waitForServiceWorker } from './browser.ts';

const course = compileCourse(join(import.meta.dirname, '../../content'));
const lesson = course.lessons[0]!;

describe('lessons in Chromium', () => {
  const chromium = useChromium();

  it('reads a lesson in Vietnamese, then both languages: stacked on a phone, side by side on a wide screen', async () => {
    const { context, page } = await chromium.phone('vi-VN');
    await page.goto('/');
    await page.getByTestId('course-list').getByRole('link', { name: lesson.title.vi }).click();
    await expect.poll(() => page.locator('.lesson-section h2').first().textContent()).toBe(lesson.sections[0]!.title.vi);
    expect(await page.locator('.block[lang="en"]').count()).toBe(0);

    await chooseSetting(page, 'Song ngữ: tiếng Việt và tiếng Anh');
    const pair = page.locator('.pair-both').first();
    const vi = (await pair.locator('[lang="vi"]').boundingBox())!;
    const en = (await pair.locator('[lang="en"]').boundingBox())!;
    expect(en.y).toBeGreaterThanOrEqual(vi.y + vi.height - 1); // stacked

    await page.setViewportSize({ width: 1280, height: 800 });
    const wideVi = (await pair.locator('[lang="vi"]').boundingBox())!;
    const wideEn = (await pair.locator('[lang="en"]').boundingBox())!;
    expect(wideEn.x).toBeGreaterThan(wideVi.x + wideVi.width - 1); // side by side
    expect(Math.abs(wideEn.y - wideVi.y)).toBeLessThan(2);
    await context.close();
  });

  it('switches language mid-lesson and stays on the same paragraph, and reopens there later', async () => {
    const { context, page } = await chromium.phone('vi-VN');
    await page.goto(`/lessons/${lesson.id}`);
    const target = page.locator(`[data-section="${lesson.sections[2]!.id}"] [data-block="1"]`);
    await target.scrollIntoViewIfNeeded();
    await target.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const before = await topBlock(page);
    expect(before).toEqual({ section: lesson.sections[2]!.id, block: '1' });

    // The app language sets the lesson's language too.
    await chooseSetting(page, 'English');
    await expect.poll(() => page.locator('.lesson-section h2').first().textContent()).toBe(lesson.sections[0]!.title.en);
    expect(await topBlock(page)).toEqual(before);

    await chooseSetting(page, 'Both: Vietnamese and English');
    await expect.poll(() => page.locator('.pair-both').count()).toBeGreaterThan(0);
    expect(await topBlock(page)).toEqual(before);

    await expect.poll(() => savedPlace(page, lesson.id)).toEqual(before);
    await page.goto('/');
    await page.goto(`/lessons/${lesson.id}`);
    await expect.poll(() => topBlock(page)).toEqual(before);
    await context.close();
  });

  it('follows the app language when no reading mode was chosen', async () => {
    const { context, page } = await chromium.phone('vi-VN');
    await page.goto(`/lessons/${lesson.id}`);
    await expect.poll(() => page.locator('.lesson-section h2').first().textContent()).toBe(lesson.sections[0]!.title.vi);
    await chooseSetting(page, 'English');
    await expect.poll(() => page.locator('.lesson-section h2').first().textContent()).toBe(lesson.sections[0]!.title.en);
    expect(await page.locator('.lesson-section').first().getAttribute('data-section')).toBe(lesson.sections[0]!.id);
    await context.close();
  });

  it('marks sections read after their dwell time, passes the quiz and completes the lesson', async () => {
    const { context, page } = await chromium.phone('vi-VN');
    await page.clock.install();
    await page.goto(`/lessons/${lesson.id}`);
    await expect.poll(() => page.locator('.lesson-section').count()).toBe(lesson.sections.length);
    for (const s of lesson.sections) {
      // IntersectionObserver reports on the next rendered frame (real time), then the dwell
      // timers run on the page's fake clock: the longest dwell is 12 s.
      await scrollSectionIntoView(page, s.id);
      await page.clock.runFor(13_000);
      await expect.poll(() => page.locator(`[data-section="${s.id}"] .read-mark`).count(), { message: s.id, timeout: 5000 }).toBe(1);
    }

    await passQuiz(page, lesson);
    await expect.poll(() => page.locator('.quiz-result').textContent()).toContain('(100%)');
    await expect.poll(() => page.locator('.lesson-progress .badge').textContent(), { timeout: 5000 }).toBe('Đã hoàn thành');

    await page.getByRole('link', { name: 'Bài học' }).first().click();
    const card = page.locator('.lesson-card').first();
    await expect.poll(() => card.textContent()).toContain('Đã hoàn thành');
    await context.close();
  });

  it('searches without diacritics, offline, and opens the lesson at the section found', async () => {
    const { context, page } = await chromium.phone('vi-VN');
    await page.goto('/');
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await page.getByRole('link', { name: 'Tìm kiếm' }).click();
    await page.getByLabel('Tìm trong bài học và thuật ngữ').fill('chinh phu dien tu');
    await expect.poll(() => page.locator('.search-result').count()).toBeGreaterThan(3);
    expect(await page.locator('.search-result mark').first().textContent()).toBe('Chính phủ điện tử');
    expect(page.url()).toBe(`${baseUrl()}/search?q=chinh%20phu%20dien%20tu`);

    const hit = page.locator('.search-result', { has: page.locator('a[href*="?section="]') }).first();
    const href = (await hit.locator('a').getAttribute('href'))!;
    const section = new URL(href, baseUrl()).searchParams.get('section')!;
    await hit.locator('a').click();
    await expect.poll(() => page.locator(`[data-section="${section}"]`).count()).toBe(1);
    await expect.poll(() => topBlock(page).then((t) => t.section)).toBe(section);
    await context.close();
  });
});
