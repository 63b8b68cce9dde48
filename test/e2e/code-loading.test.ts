import { readdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { compileCourse } from '../../plugins/lessons/compile-course.ts';
import { useChromium } from './browser.ts';

const lesson = compileCourse(join(import.meta.dirname, '../../content')).lessons[0]!;

/** Takes the lesson screens' file off the server, as a deploy does with the old version's files; returns the way back. */
function removeReadingScreens(): () => void {
  const assets = join(inject('staticDir'), 'assets');
  const file = join(assets, readdirSync(assets).find((f) => /^reading-screens-.+\.js$/.test(f))!);
  renameSync(file, `${file}.gone`);
  return () => renameSync(`${file}.gone`, file);
}

const focusedHeading = () => (document.activeElement?.matches('main h1') ? document.activeElement.textContent : null);

describe('screens whose code cannot load, in Chromium without a service worker', () => {
  const chromium = useChromium();

  it('after a deploy, says a new version is ready in both languages, never a blank or the old screen, and a reload recovers', async () => {
    // A first visit, or a browser that refused the worker: nothing keeps the old version's files.
    const { context, page } = await chromium.phone('vi-VN', { serviceWorkers: 'block' });
    await page.goto('/');
    await page.getByTestId('course-list').waitFor();
    const restore = removeReadingScreens();
    try {
      await page.getByTestId('course-list').getByRole('link', { name: lesson.title.vi }).click();
      const problem = page.getByTestId('screen-problem');
      await problem.waitFor();
      expect(page.url()).toContain(`/lessons/${lesson.id}`);
      expect(await page.getByTestId('course-list').count()).toBe(0); // not the old screen under the new address
      expect(await problem.getAttribute('data-problem')).toBe('new-version');
      expect(await page.locator('main h1 [lang="vi"]').textContent()).toBe('Đã có phiên bản mới');
      expect(await page.locator('main h1 [lang="en"]').textContent()).toBe('A new version is ready');
      await expect.poll(() => page.evaluate(focusedHeading)).toContain('Đã có phiên bản mới');

      // Screens in the first file still work.
      await page.getByRole('navigation').getByRole('link', { name: 'Bài học' }).click();
      await page.getByTestId('course-list').waitFor();
      // The glossary shares the missing file: it says the same, not a blank screen.
      await page.getByRole('navigation').getByRole('link', { name: 'Thuật ngữ' }).click();
      await expect.poll(() => page.url()).toContain('/glossary');
      await expect.poll(() => problem.count()).toBe(1);
      expect(await page.locator('main h1').count()).toBe(1);
    } finally {
      restore(); // the new version's files are on the server now
    }
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Tải lại / Reload' }).click()]);
    await expect.poll(() => page.locator('main h1').textContent()).toBe('Thuật ngữ');
    await context.close();
  });

  it('offline before a screen was downloaded, says so in the UI language with what to do, and opens it once back online', async () => {
    const { context, page } = await chromium.phone('en-GB', { serviceWorkers: 'block' });
    await page.goto('/');
    await page.getByTestId('course-list').waitFor();
    await context.setOffline(true);
    await page.getByTestId('course-list').getByRole('link', { name: lesson.title.en }).click();
    const problem = page.getByTestId('screen-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-problem')).toBe('offline');
    expect(await page.locator('main h1').textContent()).toBe('Not on this phone yet');
    expect(await problem.textContent()).toContain('Connect to the internet, then tap “Try again”.');
    expect(await page.title()).toBe('Not on this phone yet – eGov Learn');

    await context.setOffline(false);
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => page.locator('main h1').textContent()).toBe(lesson.title.en);
    await page.locator('.lesson-section').first().waitFor();
    await context.close();
  });
});
