import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Repositories } from '../../src/server/repositories/repositories.ts';
import { addOfficer } from '../../src/server/services/officer-service.ts';

export const OFFICE_PASSWORD = 'mật khẩu văn phòng 2026';
/** The office is desktop first: a laptop's window. */
export const desktop = { viewport: { width: 1280, height: 860 } };

let n = 0;
/** A new officer (of `unit`, or the whole programme), as `npm run admin -- officer add` makes one, with the setup link's token. */
export async function newOfficer(repositories: Repositories, unit: string | null = null) {
  const email = `can.bo${++n}.${Date.now().toString(36)}@mst.gov.vn`;
  const added = await addOfficer(repositories, { email, name: `Cán bộ văn phòng ${n}`, unit, now: Date.now() });
  return { email, token: added!.token };
}

const setupWords = {
  vi: { password: 'Mật khẩu mới', again: 'Nhập lại mật khẩu', submit: 'Đặt mật khẩu và đăng nhập', overview: 'Tổng quan' },
  en: { password: 'New password', again: 'The password again', submit: 'Set password and sign in', overview: 'Overview' },
};

/** Opens the setup link in the page (shown in `lang`), sets the password and waits for the overview. */
export async function setUpAndSignIn(page: Page, repositories: Repositories, lang: 'vi' | 'en' = 'vi') {
  const officer = await newOfficer(repositories);
  const words = setupWords[lang];
  await page.goto(`/office/setup#token=${officer.token}`);
  await page.getByLabel(words.password).fill(OFFICE_PASSWORD);
  await page.getByLabel(words.again).fill(OFFICE_PASSWORD);
  await page.getByRole('button', { name: words.submit }).click();
  await page.getByRole('heading', { level: 1, name: words.overview }).waitFor();
  return officer;
}

/** A figure of the overview, as a number. */
export async function figure(page: Page, key: string): Promise<number> {
  const text = await page.locator(`[data-figure="${key}"] dd`).textContent();
  return Number(text?.replace(/\D/g, ''));
}

/** Waits until the overview's figure shows `value` (the figures follow the filters in the address). */
export const expectFigure = (page: Page, key: string, value: number) => expect.poll(() => figure(page, key), { timeout: 10_000 }).toBe(value);

/** The sheets' A4 pages when printed: Chromium's PDF of the page, its pages counted. */
export async function printedPages(page: Page): Promise<number> {
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  return (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}
