import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { enrolOne } from '../../src/server/services/office-enrolment-service.ts';
import { seriousViolations } from './axe.ts';
import { useChromium, useServerRepositories } from './browser.ts';
import { desktop, newOfficer, setUpAndSignIn } from './office-pages.ts';

const sizes = [desktop, { viewport: { width: 360, height: 740 } }] as const;

describe('the programme office meets WCAG 2.2 AA (axe-core)', () => {
  const chromium = useChromium();
  const repositories = useServerRepositories();
  let traineeId = '';
  beforeAll(async () => {
    const officer = { id: 'of-axe', email: 'axe@mst.gov.vn', name: 'Axe', unit: null };
    traineeId = (await enrolOne(repositories(), officer, { name: 'Hồ Thị Thu Trang', unit: 'Sở KH&CN Cần Thơ', placeId: 'can-tho', cohortIds: [] }, new Date())).trainee.id;
  });

  /** Every office screen, opened in turn by its address, with something on it. */
  const screens: Array<[string, (page: Page) => Promise<void>]> = [
    ['overview', (p) => p.goto('/office').then(() => p.locator('[data-figure]').first().waitFor())],
    ['by unit', (p) => p.goto('/office/units').then(() => p.locator('tbody tr').first().waitFor())],
    ['by province', (p) => p.goto('/office/provinces').then(() => p.locator('tbody tr').first().waitFor())],
    ['lessons', (p) => p.goto('/office/lessons').then(() => p.locator('tbody tr').first().waitFor())],
    ['difficult questions', (p) => p.goto('/office/questions').then(() => p.locator('tbody tr').first().waitFor())],
    ['trainees', (p) => p.goto('/office/trainees').then(() => p.locator('tbody tr').first().waitFor())],
    ['a trainee', (p) => p.goto(`/office/trainees/${traineeId}`).then(() => p.locator('tbody tr').first().waitFor())],
    ['enrol', (p) => p.goto('/office/enrol').then(() => p.locator('form').first().waitFor())],
    ['cohorts', (p) => p.goto('/office/cohorts').then(() => p.locator('table').waitFor())],
    ['lists', (p) => p.goto('/office/lists').then(() => p.locator('tbody tr').first().waitFor())],
    ['sheets', async (p) => {
      await p.goto(`/office/trainees/${traineeId}`);
      await p.locator('button.primary').click(); // a code for a new device, and its sheet
      await p.locator('.sheet').waitFor();
    }],
  ];

  for (const lang of ['vi', 'en'] as const) {
    for (const size of sizes) {
      it(`has no serious or critical violation on any office screen, in ${lang}, ${size.viewport.width} px wide`, async () => {
        const { context, page } = await chromium.phone(lang === 'vi' ? 'vi-VN' : 'en-GB', size);
        const found: string[] = [];
        const check = async (name: string) => {
          for (const v of await seriousViolations(page)) found.push(`${name}: ${v.id} [${v.impact}] ${v.help} → ${v.targets.join(', ')}`);
        };
        await page.goto('/office');
        await page.getByRole('heading', { level: 1 }).waitFor();
        await check('sign-in');
        await page.goto(`/office/setup#token=${(await newOfficer(repositories())).token}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await check('setup');
        // An English browser gets the office in English from the start.
        await setUpAndSignIn(page, repositories(), lang);
        for (const [name, open] of screens) {
          await open(page);
          expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
          await check(name);
        }
        expect(found).toEqual([]);
        await context.close();
      }, 120_000);
    }
  }

  it('makes each column header a button that says, and announces, how the table is sorted', async () => {
    const { context, page } = await chromium.phone('vi-VN', desktop);
    await setUpAndSignIn(page, repositories());
    await page.goto('/office/units');
    const header = page.getByRole('columnheader', { name: /Học viên/ });
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    await header.getByRole('button').click();
    expect(await header.getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Đã sắp xếp' }).textContent()).toBe('Đã sắp xếp theo Học viên, tăng dần');
    await page.getByRole('columnheader', { name: /Đơn vị/ }).getByRole('button').click();
    expect(await header.getAttribute('aria-sort')).toBeNull();
    // Keyboard: the heading of a new page takes focus, as after a page load.
    await page.getByRole('link', { name: 'Câu hỏi khó' }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('page-title');
    await context.close();
  });
});
