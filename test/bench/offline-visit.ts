import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../e2e/chromium.ts';
import type { BenchResult } from './bench-result.ts';
import { benchServer } from './bench-server.ts';

const ROUNDS = 7;
const LESSON = '/lessons/core-experts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Navigation to the first paragraph of lesson text on screen, online and offline, in Chromium. */
export async function benchOfflineVisit(): Promise<BenchResult[]> {
  const server = await benchServer(resolve('dist'));
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  try {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    // First visit: installs the service worker and its precache (lessons included).
    await page.goto(`${server.url}/`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    const visit = async () => {
      const start = Date.now();
      await page.goto(`${server.url}${LESSON}`);
      await page.locator('.lesson-section p').first().waitFor({ state: 'visible' });
      return Date.now() - start;
    };
    const online: number[] = [];
    const offline: number[] = [];
    for (let i = 0; i < ROUNDS; i++) online.push(await visit());
    await context.setOffline(true);
    for (let i = 0; i < ROUNDS; i++) offline.push(await visit());
    return [
      {
        group: 'repeat visit',
        name: `lesson text on screen, network off (median of ${ROUNDS})`,
        value: median(offline),
        unit: 'ms',
        reference: { name: 'same page online', value: median(online) },
        ratio: median(offline) / median(online),
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
