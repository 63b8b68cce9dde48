import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, newPhone, waitForServiceWorker } from './browser.ts';

describe('a new version in Chromium', () => {
  const swPath = join(inject('staticDir'), 'sw.js');
  const original = readFileSync(swPath, 'utf8');
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    writeFileSync(swPath, original);
    await browser?.close();
  });

  it('is announced in the trainee language and loaded only when they ask', async () => {
    const { context, page } = await newPhone(browser, 'vi-VN');
    await page.goto('/');
    await waitForServiceWorker(page);
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

    appendFileSync(swPath, `\n// deployed again at ${Date.now()}\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());

    const prompt = page.getByRole('alertdialog');
    await prompt.waitFor();
    expect(await prompt.textContent()).toContain('Đã có phiên bản mới');
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);

    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Tải lại' }).click()]);
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBeUndefined();
    const waiting = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting);
    expect(waiting).toBeNull();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Chào mừng đến với Học Chính phủ số');
    await context.close();
  });
});
