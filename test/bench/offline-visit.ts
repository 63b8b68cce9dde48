import { resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../e2e/chromium.ts';
import type { BenchResult } from './bench-result.ts';
import { benchServer } from './bench-server.ts';
import { median } from './stats.ts';

const ROUNDS = 15;
const LESSON = '/lessons/core-experts';
const TEXT = '.lesson-section p';

// Timed inside the page, from navigation start (performance.now()'s origin) to the frame after
// the first paragraph of lesson text enters the DOM. Timing from Node instead added Playwright's
// polling (up to 100 ms between checks) and round trips to every visit, enough noise to show a
// 0.9× to 1.3× "offline slowdown" from one run to the next. A string, not a function: tsx
// would wrap a function's body in helpers the page does not have.
const MARK_TEXT = `
  const observer = new MutationObserver(() => {
    if (!document.querySelector(${JSON.stringify(TEXT)})) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (window.__lessonTextAt = performance.now())));
  });
  observer.observe(document, { childList: true, subtree: true });
`;

async function visit(page: Page, url: string): Promise<number> {
  await page.goto(url);
  const at = await page.waitForFunction(() => (window as { __lessonTextAt?: number }).__lessonTextAt);
  return (await at.jsonValue())!;
}

/** Navigation to the first paragraph of lesson text on screen, online and offline, in Chromium. */
export async function benchOfflineVisit(): Promise<BenchResult[]> {
  const server = await benchServer(resolve('dist'));
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
  try {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 360, height: 740 } });
    await context.addInitScript(MARK_TEXT);
    const page = await context.newPage();
    // First visit: installs the service worker and its precache (lessons included).
    await page.goto(`${server.url}/`);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await visit(page, `${server.url}${LESSON}`); // warm-up: the lesson's chunks compiled once

    // Online and offline visits alternate (and swap which goes first), so a drift in the
    // machine's speed during the run falls on both alike.
    const times = { online: [] as number[], offline: [] as number[] };
    for (let i = 0; i < ROUNDS; i++) {
      for (const offline of i % 2 ? [true, false] : [false, true]) {
        await context.setOffline(offline);
        times[offline ? 'offline' : 'online'].push(await visit(page, `${server.url}${LESSON}`));
      }
    }
    const offline = median(times.offline);
    const online = median(times.online);
    return [
      {
        group: 'repeat visit',
        name: `lesson text on screen, network off (median of ${ROUNDS})`,
        value: offline,
        unit: 'ms',
        reference: { name: 'same page online', value: online },
        ratio: offline / online,
      },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
