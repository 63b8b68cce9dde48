import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { chromiumArgs, chromiumPath } from './chromium.ts';

export const baseUrl = () => inject('baseUrl');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });
}

export async function newPhone(browser: Browser, locale = 'vi-VN'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale, viewport: { width: 360, height: 740 }, baseURL: baseUrl() });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('page error:', err));
  return { context, page };
}

/** Resolves once a service worker controls the page (the precache is then complete). */
export async function waitForServiceWorker(page: Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}
