import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../plugins/lessons/compile-course.ts';
import { savedPlace, tapOnBar, topBlock, useChromium } from './browser.ts';

const course = compileCourse(join(import.meta.dirname, '../../content'));

/** The document title, and the text of the focused element when it is the screen's h1 (else null). */
const screenState = (page: Page) =>
  page.evaluate(() => ({
    title: document.title,
    focusedHeading: document.activeElement?.matches('main h1') ? document.activeElement.textContent : null,
  }));

describe('navigation in Chromium', () => {
  const chromium = useChromium();

  for (const [locale, app, lessons, search, glossary, me, lng] of [
    ['vi-VN', 'Học Chính phủ số', 'Bài học', 'Tìm kiếm', 'Thuật ngữ', 'Của tôi', 'vi'],
    ['en-GB', 'eGov Learn', 'Lessons', 'Search', 'Glossary', 'Me', 'en'],
  ] as const) {
    it(`gives every screen its own title and moves focus to its heading, in ${lng}`, async () => {
      const { context, page } = await chromium.phone(locale);
      await page.goto('/');
      await page.locator('main h1').waitFor();
      const titles = [(await screenState(page)).title];
      expect(titles[0]).toBe(`${lessons} – ${app}`);

      for (const tab of [search, glossary, me, lessons]) {
        await page.getByRole('navigation').getByRole('link', { name: tab, exact: true }).click();
        await expect.poll(() => screenState(page)).toEqual({ title: `${tab} – ${app}`, focusedHeading: expect.any(String) });
        titles.push((await screenState(page)).title);
      }
      const lesson = course.lessons[1]!;
      await page.getByRole('link', { name: lesson.title[lng] }).click();
      await expect.poll(() => screenState(page)).toEqual({ title: `${lesson.title[lng]} – ${app}`, focusedHeading: lesson.title[lng] });
      titles.push((await screenState(page)).title);

      // Back, from the bar, returns to the list.
      await tapOnBar(page.getByRole('link', { name: lng === 'vi' ? 'Quay lại' : 'Back' }));
      await expect.poll(() => screenState(page)).toEqual({ title: `${lessons} – ${app}`, focusedHeading: expect.any(String) });
      expect(new Set(titles).size).toBe(titles.length - 1); // Lessons was visited twice
      await context.close();
    });
  }

  it('welcomes until a lesson is opened, then one tap on "continue" returns to the paragraph last read, after a reload', async () => {
    const { context, page } = await chromium.phone('vi-VN');
    await page.goto('/');
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Chào mừng đến với Học Chính phủ số');
    expect(await page.locator('.lead').count()).toBe(1);
    expect(await page.getByTestId('continue-card').count()).toBe(0);

    // Read into lesson 3, opened by tapping its card (not its title).
    const lesson = course.lessons[2]!;
    const section = lesson.sections[2]!;
    // A tap near the card's bottom edge, below its title: the card's stretched link takes it.
    const lessonCard = page.locator('.lesson-card', { hasText: lesson.title.vi });
    const cardBox = (await lessonCard.boundingBox())!;
    await lessonCard.click({ position: { x: cardBox.width / 2, y: cardBox.height - 8 } });
    await page.locator(`[data-section="${section.id}"]`).waitFor();
    await page.locator(`[data-section="${section.id}"] [data-block="1"]`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const place = await topBlock(page);
    expect(place).toEqual({ section: section.id, block: '1' });
    await expect.poll(() => savedPlace(page, lesson.id)).toEqual(place);

    await page.goto('/');
    await page.reload();
    const card = page.getByTestId('continue-card');
    await expect.poll(() => card.textContent()).toContain(lesson.title.vi);
    expect(await card.textContent()).toContain(section.title.vi);
    expect(await page.locator('main h1').textContent()).toBe('Bài học');
    expect(await page.locator('.lead').count()).toBe(0); // the welcome is gone

    // One tap anywhere on the card: here on its section line, near the bottom edge.
    const box = (await card.boundingBox())!;
    await card.click({ position: { x: box.width - 12, y: box.height - 8 } });
    await expect.poll(() => page.url()).toContain(`/lessons/${lesson.id}`);
    await expect.poll(() => topBlock(page)).toEqual(place);
    await context.close();
  });
});
