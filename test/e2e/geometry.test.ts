import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { setTextScale, useChromium } from './browser.ts';
import { barAreas, controls, openDialogs } from './layout.ts';
import { answerQuiz, labels, lesson, screenVisits } from './screens.ts';

const portrait = { width: 360, height: 740 };
const landscape = { width: 740, height: 360 };

/** The app bar's bottom edge and the tab bar's top edge (the viewport's bottom when the tabs are a side rail). */
const clearArea = (page: Page) =>
  page.evaluate(() => {
    const tabs = document.querySelector('.tab-bar')!;
    const sticky = getComputedStyle(tabs).position === 'sticky';
    return { top: document.querySelector('.app-bar')!.getBoundingClientRect().bottom, bottom: sticky ? tabs.getBoundingClientRect().top : innerHeight };
  });

describe('layout geometry in Chromium', () => {
  const chromium = useChromium();

  it('keeps the top bar within 64 px and the bottom bar within 72 px on a phone, on every screen and while reading', async () => {
    const { context, page } = await chromium.phone('vi-VN');
    const measured: string[] = [];
    for (const screen of screenVisits) {
      await screen.open(page, 'vi');
      const { top, bottom } = await barAreas(page);
      measured.push(`${screen.name}: ${top}/${bottom}`);
      expect(top, screen.name).toBeLessThanOrEqual(64);
      expect(bottom, screen.name).toBeLessThanOrEqual(72);
    }
    // Reading, half way down a lesson: the bars are all that is pinned.
    await page.goto(`/lessons/${lesson.id}`);
    await page.locator(`[data-section="${lesson.sections[2]!.id}"] [data-block="1"]`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const reading = await barAreas(page);
    expect(reading.top).toBeLessThanOrEqual(64);
    expect(reading.bottom).toBeLessThanOrEqual(72);
    console.log(`bar areas (top/bottom px) at 360×740: ${measured.join('; ')}; reading ${reading.top}/${reading.bottom}`);
    await context.close();
  }, 120_000);

  it('shows the first lesson card above the fold on a phone, before and after the first lesson', async () => {
    const { context, page } = await chromium.phone('vi-VN');
    const firstCardTop = async () => {
      await page.goto('/');
      await page.getByTestId('course-list').waitFor();
      const early = (await page.locator('.lesson-card').first().boundingBox())!;
      // Once the course progress has filled in (with the background work), the card has not moved.
      await page.waitForFunction(() => performance.getEntriesByName('egov:courseProgress').length > 0);
      await expect.poll(() => page.getByTestId('course-summary').locator('.suggested a').count()).toBe(1);
      const { bottom } = await clearArea(page);
      const card = (await page.locator('.lesson-card').first().boundingBox())!;
      expect(Math.abs(card.y - early.y), 'the first lesson card moved when progress loaded').toBeLessThan(1);
      // Its title at least is on screen: the top of the card plus a line of text.
      return { top: card.y, fold: bottom };
    };
    const welcome = await firstCardTop();
    expect(welcome.top + 48).toBeLessThanOrEqual(welcome.fold);
    await page.goto(`/lessons/${lesson.id}`);
    await page.locator(`[data-section="${lesson.sections[1]!.id}"]`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await expect.poll(() => page.evaluate(() => localStorage.getItem('egov-learn.lastRead'))).not.toBeNull();
    const returning = await firstCardTop();
    expect(await page.getByTestId('continue-card').count()).toBe(1);
    expect(returning.top + 48).toBeLessThanOrEqual(returning.fold);
    console.log(`first lesson card top at 360×740: ${Math.round(welcome.top)} px (welcome), ${Math.round(returning.top)} px (continue); fold at ${Math.round(welcome.fold)} px`);
    await context.close();
  });

  for (const [name, viewport] of [
    ['portrait', portrait],
    ['landscape', landscape],
  ] as const) {
    it(`keeps every control on screen at 200% text, in ${name}`, async () => {
      const { context, page } = await chromium.phone('vi-VN', { viewport });
      await setTextScale(page, 2);
      for (const screen of screenVisits) {
        await screen.open(page, 'vi');
        const width = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, view: innerWidth }));
        expect(width.page, `${screen.name}: the page is wider than the screen`).toBeLessThanOrEqual(width.view);
        for (const d of await openDialogs(page)) {
          expect(d.left >= -0.5 && d.top >= -0.5 && d.right <= width.view + 0.5 && d.bottom <= viewport.height + 0.5, `${screen.name}: a dialog off screen`).toBe(true);
        }
        for (const c of await controls(page)) {
          expect(c.left, `${screen.name}: ${c.what} starts left of the screen`).toBeGreaterThanOrEqual(-0.5);
          expect(c.right, `${screen.name}: ${c.what} ends right of the screen`).toBeLessThanOrEqual(width.view + 0.5);
          if (!c.pinned) continue;
          // A pinned control cannot be scrolled to: it must be on screen as it is.
          expect(c.top, `${screen.name}: ${c.what} is above the screen`).toBeGreaterThanOrEqual(-0.5);
          expect(c.bottom, `${screen.name}: ${c.what} is below the screen`).toBeLessThanOrEqual(viewport.height + 0.5);
        }
      }
      await context.close();
    }, 180_000);
  }

  // The stylesheet carries the bars' heights at default text size, and bar-size.ts writes only a
  // difference: in each case the scroll padding must still be each bar's height plus 0.5rem.
  it('keeps the scroll padding at the height of each bar, at 100% and 200% text, in portrait and landscape', async () => {
    const padding = (page: Page) =>
      page.evaluate(() => {
        const root = getComputedStyle(document.documentElement);
        const half = parseFloat(root.fontSize) / 2;
        const tabs = document.querySelector<HTMLElement>('.tab-bar')!;
        const sticky = getComputedStyle(tabs).position === 'sticky';
        return {
          top: parseFloat(root.scrollPaddingTop) - half - document.querySelector<HTMLElement>('.app-bar')!.offsetHeight,
          bottom: parseFloat(root.scrollPaddingBottom) - half - (sticky ? tabs.offsetHeight : 0),
        };
      });
    for (const viewport of [portrait, landscape]) {
      for (const scale of [1, 2]) {
        const { context, page } = await chromium.phone('vi-VN', { viewport });
        if (scale !== 1) await setTextScale(page, scale);
        await page.goto('/');
        await page.getByTestId('course-list').waitFor();
        await expect.poll(() => padding(page), { message: `${viewport.width}×${viewport.height} at ${scale * 100}%` }).toEqual({ top: 0, bottom: 0 });
        await context.close();
      }
    }
  }, 60_000);

  it('scrolls the next quiz question fully into view below the app bar, with focus on it', async () => {
    const { context, page } = await chromium.phone('vi-VN');
    await page.goto(`/lessons/${lesson.id}`);
    await page.locator('.lesson-section').first().waitFor();
    for (let number = 2; number <= lesson.quiz.questions.length; number++) {
      await answerQuiz(page, 'vi', number - 1);
      await page.getByRole('button', { name: labels('vi').next }).click();
      const question = page.locator('fieldset.quiz-question');
      await expect.poll(() => question.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await question.locator('legend').textContent()).toContain(`Câu ${number}/`);
      // Scrolled (smoothly, unless reduced motion is asked for) until the heading sits between the bars.
      await expect
        .poll(async () => {
          const area = await clearArea(page);
          const heading = (await question.locator('legend').boundingBox())!;
          return heading.y >= area.top - 0.5 && heading.y + heading.height <= area.bottom + 0.5;
        })
        .toBe(true);
      // Answered again from the start for the next round: answerQuiz counts from question 1.
      await page.reload();
      await page.locator('.lesson-section').first().waitFor();
    }
    await context.close();
  }, 120_000);

  it('makes every control at least 44 × 44 px, except links and terms inside running text', async () => {
    const { context, page } = await chromium.phone('vi-VN');
    const small: string[] = [];
    for (const screen of screenVisits) {
      await screen.open(page, 'vi');
      for (const c of await controls(page)) {
        if (!c.inline && (c.width < 43.5 || c.height < 43.5)) small.push(`${screen.name}: ${c.what} ${Math.round(c.width)}×${Math.round(c.height)}`);
      }
    }
    expect(small).toEqual([]);
    await context.close();
  }, 120_000);

  it('never leaves a glossary term reached with the keyboard under a bar', async () => {
    const { context, page } = await chromium.phone('vi-VN');
    await page.goto(`/lessons/${lesson.id}`);
    await page.locator('button.term').first().waitFor();
    const terms = await page.locator('button.term').count();
    let seen = 0;
    for (let presses = 0; presses < 200 && seen < terms; presses++) {
      await page.keyboard.press('Tab');
      if (!(await page.evaluate(() => document.activeElement?.matches('button.term')))) continue;
      seen++;
      const area = await clearArea(page);
      const box = await page.evaluate(() => document.activeElement!.getBoundingClientRect().toJSON() as DOMRect);
      expect(box.top, `term ${seen} under the app bar`).toBeGreaterThanOrEqual(area.top - 0.5);
      expect(box.bottom, `term ${seen} under the tab bar`).toBeLessThanOrEqual(area.bottom + 0.5);
    }
    expect(seen).toBe(terms);
    await context.close();
  }, 120_000);
});
