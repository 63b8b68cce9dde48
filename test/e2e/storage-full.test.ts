import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../plugins/lessons/compile-course.ts';
import { baseUrl, readStore, syncStatus, useChromium, waitForServiceWorker } from './browser.ts';

const lesson = compileCourse(join(import.meta.dirname, '../../content')).lessons[0]!;
const section = lesson.sections[0]!;

describe('a full phone in Chromium', () => {
  const chromium = useChromium();

  it('says so in the trainee language, keeps the step through a reload, and stores it once on "Try again"', async () => {
    const { context, page } = await chromium.phone('vi-VN');
    await page.goto(`/lessons/${lesson.id}`);
    await waitForServiceWorker(page);
    await expect.poll(() => page.locator('.lesson-section h2').first().textContent()).toBe(section.title.vi);
    // The status line reads the app's database, so it exists once the line speaks.
    await expect.poll(() => syncStatus(page)).toContain('Chỉ lưu trên máy này');
    await page.keyboard.press('Escape');

    // A real quota error: Chromium's own quota for this origin, set below what it already uses.
    const cdp = await context.newCDPSession(page);
    const origin = new URL(baseUrl()).origin;
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
    const before = (await readStore(page, 'events')).length;

    await page.getByRole('button', { name: `Đánh dấu phần “${section.title.vi}”` }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Bộ nhớ' });
    // (Reading the section may queue a step too: the count is one or more.)
    await expect.poll(() => alert.textContent()).toMatch(/^Bộ nhớ của máy đã đầy nên các bước học gần đây chưa được lưu \(\d+ bước đang chờ\)/);
    expect((await readStore(page, 'events')).length).toBe(before);

    // Still full after a reload: the step is still waiting, and still said.
    await page.reload();
    await expect.poll(() => alert.textContent()).toMatch(/\(\d+ bước đang chờ\)/);
    expect((await readStore(page, 'events')).length).toBe(before);

    await cdp.send('Storage.overrideQuotaForOrigin', { origin }); // the trainee freed some space
    await alert.getByRole('button', { name: 'Thử lại' }).click();
    await expect.poll(() => alert.count()).toBe(0);
    const bookmarks = (await readStore(page, 'events')).filter((e) => e.type === 'bookmark_set');
    expect(bookmarks).toEqual([expect.objectContaining({ lessonId: lesson.id, payload: { sectionId: section.id } })]);
    expect((await readStore(page, 'pending')).map((e) => e.id)).toContain(bookmarks[0]!.id);
    await expect.poll(() => page.getByRole('button', { name: `Đánh dấu phần “${section.title.vi}”` }).getAttribute('aria-pressed')).toBe('true');
    await context.close();
  });
});
