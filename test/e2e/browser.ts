import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { type Database, openDatabase } from '../../src/server/db/database.ts';
import { type Repositories, repositoriesOf } from '../../src/server/repositories/repositories.ts';
import { chromiumArgs, chromiumPath } from './chromium.ts';

export const baseUrl = () => inject('baseUrl');

function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs, headless: true });
}

/**
 * The suite's server database, opened beside the running server (SQLite WAL allows it) before the
 * calling file's own hooks: to issue codes as `npm run admin` would and to see what was stored.
 */
export function useServerRepositories(): () => Repositories {
  let database: Database | undefined;
  let repositories: Repositories | undefined;
  beforeAll(async () => {
    database = await openDatabase({ dataDir: inject('dataDir') });
    repositories = repositoriesOf(database);
  });
  afterAll(() => database?.close());
  return () => repositories!;
}

/**
 * One Chromium for the tests of the calling file (or describe block): launched before them,
 * closed after. `phone()` opens a new phone-sized context in it (with other options if given).
 */
export function useChromium() {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());
  return { phone: (locale?: string, options?: BrowserContextOptions) => newPhone(browser!, locale, options) };
}

async function newPhone(browser: Browser, locale = 'vi-VN', options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale, viewport: { width: 360, height: 740 }, baseURL: baseUrl(), ...options });
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

interface QuizLike {
  quiz: { questions: ReadonlyArray<{ options: ReadonlyArray<{ vi: string; correct?: boolean | undefined }> }> };
}

/** Answers every question right, in Vietnamese, checking each feedback, to the quiz result. */
export async function passQuiz(page: Page, lesson: QuizLike) {
  const questions = lesson.quiz.questions;
  for (const [i, q] of questions.entries()) {
    const group = page.getByRole('group', { name: new RegExp(`Câu ${i + 1}/${questions.length}`) });
    for (const o of q.options.filter((o) => o.correct)) await group.getByLabel(o.vi, { exact: true }).check();
    await page.getByRole('button', { name: 'Kiểm tra đáp án' }).click();
    await expect.poll(() => page.locator('.quiz-feedback').textContent()).toContain('Chính xác!');
    await page.getByRole('button', { name: i === questions.length - 1 ? 'Xem kết quả' : 'Câu tiếp theo' }).click();
  }
  await expect.poll(() => page.locator('.quiz-result').count()).toBe(1);
}

/**
 * Every row of one store of the app's IndexedDB, read with the raw API (no app code); none before
 * the app has created its database (it does so with its background work, or a trainee's first
 * step), and the read never creates it.
 */
export const readStore = (page: Page, store: 'events' | 'pending' | 'held' | 'progress' | 'completion' | 'meta') =>
  page.evaluate(
    (name) =>
      new Promise<Array<Record<string, unknown>>>((resolve, reject) => {
        const open = indexedDB.open('egov-learn');
        let missing = false;
        open.onupgradeneeded = () => {
          missing = true;
          open.transaction?.abort(); // no database yet: leave it to the app to create
        };
        open.onerror = () => (missing ? resolve([]) : reject(open.error));
        open.onsuccess = () => {
          if (!open.result.objectStoreNames.contains(name)) {
            open.result.close();
            return resolve([]);
          }
          const req = open.result.transaction(name).objectStore(name).getAll();
          req.onsuccess = () => {
            resolve(req.result);
            open.result.close();
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store,
  );

/** The paragraph at the top of the screen, below the sticky app bar: where the trainee is reading. */
export const topBlock = (page: Page) =>
  page.evaluate(() => {
    const header = document.querySelector('.app-bar')!.getBoundingClientRect().bottom;
    const el = [...document.querySelectorAll<HTMLElement>('[data-block]')].find((b) => b.getBoundingClientRect().bottom > header + 8)!;
    return { section: el.closest<HTMLElement>('[data-section]')!.dataset.section, block: el.dataset.block };
  });

/**
 * Scrolls a lesson section to the top and resolves once the browser has reported it on screen to
 * an IntersectionObserver. Observers are told in the order they were made, so by then the app's
 * own (made when the lesson opened) has started the section's dwell timer.
 */
export const scrollSectionIntoView = (page: Page, sectionId: string) =>
  page.locator(`[data-section="${sectionId}"]`).evaluate(
    (section) =>
      new Promise<void>((resolve) => {
        section.querySelector('h2')!.scrollIntoView({ block: 'start' });
        const observer = new IntersectionObserver(
          ([entry]) => {
            if (!entry!.isIntersecting) return;
            observer.disconnect();
            resolve();
          },
          { threshold: [0, 0.1, 0.25, 0.5, 0.75, 1] },
        );
        observer.observe(section);
      }),
  );

/** The reading place the app saved for a lesson (it saves once scrolling settles), or null. */
export const savedPlace = (page: Page, lessonId: string) =>
  page.evaluate((id) => {
    const saved = localStorage.getItem(`egov-learn.position.${id}`);
    if (!saved) return null;
    const { sectionId, block } = JSON.parse(saved) as { sectionId: string; block: number };
    return { section: sectionId, block: String(block) };
  }, lessonId);

const networkConditions = (offline: boolean) => ({ offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

/**
 * Reloads a page of an offline context and makes sure the page knows it is offline. Chromium
 * 150 under Playwright's offline emulation gives a reloaded document navigator.onLine === true
 * (its requests still fail), so the emulation is applied to the page again through CDP.
 * Resolves with the way back online.
 */
export async function reloadOffline(page: Page): Promise<() => Promise<void>> {
  await page.reload();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', networkConditions(true));
  return async () => {
    await cdp.send('Network.emulateNetworkConditions', networkConditions(false));
    await page.context().setOffline(false);
  };
}

/**
 * Taps a control on the sticky app bar. Playwright's click first scrolls its target into view,
 * and for a sticky element Chromium scrolls the page to the element's place in the flow: a
 * finger on the bar moves nothing, so the tap is dispatched where the control is.
 */
export const tapOnBar = (target: Locator) => target.dispatchEvent('click');

/** Resolves once nothing on the page is animating (a sheet has slid in, say). */
export const animationsDone = (page: Page) => page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));

/** Opens the reading settings sheet from the app bar (in either language). */
export async function openSettings(page: Page) {
  await tapOnBar(page.getByRole('button', { name: /^(Cài đặt đọc|Reading settings)$/ }));
  await page.getByRole('dialog').waitFor();
  await animationsDone(page);
}

/** Chooses one option in the settings sheet, then closes it as a trainee would (Escape). */
export async function chooseSetting(page: Page, option: string) {
  await openSettings(page);
  await page.getByRole('dialog').getByRole('radio', { name: option, exact: true }).check();
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

/** Enrols the phone with a one-time code through the enrolment screen, as a trainee does. */
export async function enrolWith(page: Page, code: string) {
  await page.goto('/enrol');
  await page.getByLabel('Mã ghi danh').fill(code);
  await page.getByRole('button', { name: 'Xác nhận ghi danh' }).click();
  await page.getByTestId('enrolled').waitFor({ timeout: 10_000 });
}

/**
 * The sync status line, which lives in the sync details: the status chip opens them in a sheet
 * (again after a reload, which closes it).
 */
export async function syncStatus(page: Page): Promise<string | null> {
  const line = page.getByTestId('sync-status');
  if ((await line.count()) === 0) {
    await tapOnBar(page.getByTestId('status-chip'));
    await line.waitFor();
  }
  return line.textContent();
}

/**
 * Text as the trainee's browser setting for a larger font makes it (Chromium's default font
 * size, as the text size setting of Android Chrome or a desktop browser sets it): `scale` 2 is 200%.
 */
export async function setTextScale(page: Page, scale: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.enable');
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: Math.round(16 * scale), fixed: Math.round(13 * scale) } });
}
