import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { compileCourse } from '../../plugins/lessons/compile-course.ts';
import { readStore, savedPlace, topBlock, useChromium, waitForServiceWorker } from './browser.ts';

describe('a new version in Chromium', () => {
  const swPath = join(inject('staticDir'), 'sw.js');
  const original = readFileSync(swPath, 'utf8');
  const chromium = useChromium();
  beforeAll(async () => {
  });
  afterAll(async () => {
    writeFileSync(swPath, original);
  });

  it('is announced in the trainee language and loaded only when they ask', async () => {
    const { context, page } = await chromium.phone('vi-VN');
    await page.goto('/');
    await waitForServiceWorker(page);
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

    appendFileSync(swPath, `\n// deployed again at ${Date.now()}\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());

    const prompt = page.getByRole('alertdialog');
    await prompt.waitFor();
    expect(await prompt.textContent()).toContain('Đã có phiên bản mới');
    // Nothing reloaded the page: the new worker is still waiting for the trainee, and only its
    // activation could have reloaded it.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting?.state)).toBe('installed');
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);

    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Tải lại' }).click()]);
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBeUndefined();
    const waiting = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting);
    expect(waiting).toBeNull();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Chào mừng đến với Học Chính phủ số');
    await context.close();
  });

  it('reloads into the new version from a second tab after the first accepted it', async () => {
    const { context, page: first } = await chromium.phone('vi-VN');
    await first.goto('/');
    await waitForServiceWorker(first);
    const second = await context.newPage();
    await second.goto('/glossary');
    await second.locator('.glossary-list li').first().waitFor();
    for (const tab of [first, second]) await tab.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

    appendFileSync(swPath, `\n// deployed again at ${Date.now()}\n`);
    await first.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    await first.getByRole('alertdialog').waitFor();
    await second.getByRole('alertdialog').waitFor();
    const waitingScript = await first.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting!.scriptURL);

    // The second tab takes the update: no worker waits any more when the first tab's button is tapped.
    await Promise.all([second.waitForEvent('load'), second.getByRole('alertdialog').getByRole('button', { name: 'Tải lại' }).click()]);
    await expect.poll(() => first.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting)).toBeNull();
    await Promise.all([first.waitForEvent('load'), first.getByRole('alertdialog').getByRole('button', { name: 'Tải lại' }).click()]);
    expect(await first.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBeUndefined();
    expect(await first.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(waitingScript);
    await expect.poll(() => first.locator('h1').textContent()).toBe('Chào mừng đến với Học Chính phủ số');
    await context.close();
  });
});

describe('a new version with changed lesson text in Chromium', () => {
  const course = compileCourse(resolve('content'));
  const [lesson, nextLesson] = [course.lessons[0]!, course.lessons[1]!];
  const added = { vi: 'Câu này có từ phiên bản mới.', en: 'This sentence arrived with the new version.' };
  const staticDir = inject('staticDir');
  const work = mkdtempSync(join(tmpdir(), 'egov-learn-next-'));
  const chromium = useChromium();

  /** Replaces what the server serves, the way a deployment does: old files are gone. */
  const deploy = (build: string) => {
    for (const entry of readdirSync(staticDir)) rmSync(join(staticDir, entry), { recursive: true, force: true });
    cpSync(build, staticDir, { recursive: true });
  };

  beforeAll(async () => {
    // The next release: the same course with one paragraph longer in both languages, built
    // by the same Vite config from a changed copy of content/.
    const content = join(work, 'content');
    cpSync(resolve('content'), content, { recursive: true });
    const dir = join(content, 'lessons', readdirSync(join(content, 'lessons')).find((d) => d.endsWith(lesson.id))!);
    for (const lng of ['vi', 'en'] as const) {
      const file = join(dir, `${lng}.md`);
      const lines = readFileSync(file, 'utf8').split('\n');
      const heading = lines.findIndex((l) => l.startsWith('## '));
      const paragraph = lines.findIndex((l, i) => i > heading && l.trim() !== '');
      lines[paragraph] = `${lines[paragraph]} ${added[lng]}`;
      writeFileSync(file, lines.join('\n'));
    }
    execFileSync(process.execPath, [resolve('node_modules/vite/bin/vite.js'), 'build', '--outDir', join(work, 'next'), '--emptyOutDir', '--logLevel', 'error'], {
      env: { ...process.env, CONTENT_DIR: content },
      stdio: 'pipe', // a failed build throws with its output
    });
  }, 120_000);
  afterAll(async () => {
    deploy(resolve('dist'));
    rmSync(work, { recursive: true, force: true });
  });

  const firstParagraph = (page: Page) => page.locator(`[data-section="${lesson.sections[0]!.id}"] [data-block="0"]`).textContent();
  const heading = (page: Page) => page.locator('.lesson-section h2').first().textContent();

  it('keeps unsynced progress and the reading place, shows the new text, and leaves an open lesson working', async () => {
    const { context, page } = await chromium.phone('vi-VN');
    await page.goto(`/lessons/${lesson.id}`);
    await waitForServiceWorker(page);
    await expect.poll(() => heading(page)).toBe(lesson.sections[0]!.title.vi);
    expect(await firstParagraph(page)).not.toContain(added.vi);

    // Progress that has not left the phone (not enrolled), and a place in the lesson.
    const section = lesson.sections[1]!;
    await page.getByRole('button', { name: `Đánh dấu phần “${section.title.vi}”` }).click();
    await page.getByLabel('Ghi chú cho bài này (chỉ học viên xem được)').fill('Ghi chú trước khi cập nhật');
    await page.getByRole('button', { name: 'Lưu ghi chú' }).click();
    await expect.poll(async () => (await readStore(page, 'events')).filter((e) => e.type !== 'section_read').length).toBe(2);
    await page.locator(`[data-section="${lesson.sections[2]!.id}"] [data-block="1"]`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const place = await topBlock(page);
    await expect.poll(() => savedPlace(page, lesson.id)).toEqual(place);
    const before = await readStore(page, 'events');
    expect((await readStore(page, 'pending')).map((e) => e.id).sort()).toEqual(before.map((e) => e.id).sort());

    // Another tab, opened on the next lesson before the update, keeps the old version's code.
    const oldTab = await context.newPage();
    await oldTab.goto(`/lessons/${nextLesson.id}`);
    await expect.poll(() => heading(oldTab)).toBe(nextLesson.sections[0]!.title.vi);

    deploy(join(work, 'next'));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const prompt = page.getByRole('alertdialog');
    await prompt.waitFor();
    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Tải lại' }).click()]);

    await expect.poll(() => firstParagraph(page)).toContain(added.vi);
    await expect.poll(() => topBlock(page)).toEqual(place);
    expect(await readStore(page, 'events')).toEqual(expect.arrayContaining(before));
    // Progress fills in once the data layer has loaded, after the first paint.
    await expect.poll(() => page.getByRole('button', { name: `Đánh dấu phần “${section.title.vi}”` }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.getByLabel('Ghi chú cho bài này (chỉ học viên xem được)').inputValue()).toBe('Ghi chú trước khi cập nhật');

    // The old tab now asks the new worker for the old version's file of the changed lesson,
    // which the server no longer has. (Its HTTP cache is emptied first: a phone short of space
    // may have done the same, so the test must not lean on it.)
    await (await context.newCDPSession(oldTab)).send('Network.clearBrowserCache');
    await oldTab.getByRole('link', { name: /Bài trước/ }).first().click();
    await expect.poll(() => heading(oldTab), { timeout: 10_000 }).toBe(lesson.sections[0]!.title.vi);
    await expect.poll(() => oldTab.locator('.lesson-section').count()).toBe(lesson.sections.length);
    expect(await firstParagraph(oldTab)).not.toContain(added.vi); // the old version's own file
    await context.close();
  });
});
