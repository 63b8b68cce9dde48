import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { correction, generate } from 'lean-qr';
import { toSvgPath } from 'lean-qr/extras/svg';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileCourse } from '../../plugins/lessons/compile-course.ts';
import { parseCsv } from '../../src/shared/csv.ts';
import { baseUrl, passQuiz, useChromium, useServerRepositories } from './browser.ts';
import { desktop, expectFigure, OFFICE_PASSWORD, printedPages, setUpAndSignIn } from './office-pages.ts';

const lesson = compileCourse(join(import.meta.dirname, '../../content')).lessons[0]!;
const COHORT = 'Khóa chuyên gia tháng 12/2026';

describe('the programme office in Chromium', () => {
  const chromium = useChromium();
  const repositories = useServerRepositories();
  let office: { context: BrowserContext; page: Page };
  let phone: { context: BrowserContext; page: Page };
  let code = '';
  beforeAll(async () => {
    office = await chromium.phone('vi-VN', desktop);
  });

  it("is never precached for trainees: the service worker's list names no office file", async () => {
    const worker = await (await fetch(`${baseUrl()}/sw.js`)).text();
    const precached = [...worker.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!);
    expect(precached.length).toBeGreaterThan(10);
    expect(precached.filter((url) => /office/.test(url))).toEqual([]);
    expect(await (await fetch(`${baseUrl()}/office/trainees/tr-anything`)).text()).toContain('/office/assets/');
  });

  it('lets an officer set a password from the setup link, sign out and sign in again, with an HttpOnly, SameSite=Strict session cookie', async () => {
    const { page, context } = office;
    const { email } = await setUpAndSignIn(page, repositories());
    expect(page.url()).toBe(`${baseUrl()}/office`); // the token left the address
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: 'egov_office', httpOnly: true, sameSite: 'Strict', path: '/api/v1/office' });
    expect(await page.evaluate(() => document.cookie)).toBe('');

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập văn phòng chương trình' }).waitFor();
    await page.getByLabel('Địa chỉ email').fill(email);
    await page.getByLabel('Mật khẩu').fill('không phải mật khẩu');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Email hoặc mật khẩu không đúng.');
    await page.getByLabel('Mật khẩu').fill(OFFICE_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tổng quan' }).waitFor();
  });

  it('enrols a trainee into a new cohort and prints an A4 enrolment sheet whose QR code a phone opens to enrol without typing', async () => {
    const { page } = office;
    await page.getByRole('link', { name: 'Khóa học' }).click();
    await page.getByLabel('Tên khóa học').fill(COHORT);
    await page.getByLabel('Ngày bắt đầu').fill('2026-12-01');
    await page.getByLabel('Ngày kết thúc').fill('2026-12-31');
    await page.getByRole('button', { name: 'Thêm khóa học' }).click();
    await page.getByRole('link', { name: COHORT }).waitFor();

    await page.getByRole('link', { name: 'Ghi danh học viên' }).click();
    await page.getByLabel('Họ và tên').fill('Nguyễn Thị Mai Phương');
    await page.getByLabel('Đơn vị').fill('Sở Khoa học và Công nghệ Hà Nội');
    await page.getByLabel('Tỉnh, thành phố hoặc bộ', { exact: true }).selectOption({ label: 'Hà Nội' });
    await page.getByLabel(COHORT).first().check(); // the CSV upload below offers the cohorts too
    await page.getByRole('button', { name: 'Ghi danh học viên' }).click();
    await page.getByRole('heading', { name: 'Vừa ghi danh: 1' }).waitFor();
    await page.getByRole('button', { name: 'In 1 phiếu ghi danh' }).click();
    await page.getByRole('heading', { level: 1, name: 'Phiếu ghi danh' }).waitFor();

    code = (await page.getByTestId('sheet-code').textContent())!;
    expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    const sheet = page.getByRole('article', { name: 'Phiếu ghi danh của Nguyễn Thị Mai Phương' });
    expect(await sheet.textContent()).toContain('Sở Khoa học và Công nghệ Hà Nội');
    // The QR code is exactly the enrol screen's address with the code in the fragment.
    const url = `${baseUrl()}/enrol#code=${code}`;
    expect(await sheet.locator('svg.qr path').getAttribute('d')).toBe(toSvgPath(generate(url, { minCorrectionLevel: correction.M })));
    expect(await printedPages(page)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.views').isVisible()).toBe(false);
    expect(await sheet.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    phone = await chromium.phone('vi-VN');
    await phone.page.goto(url);
    await expect.poll(() => phone.page.getByLabel('Mã ghi danh').inputValue()).toBe(code);
    expect(await phone.page.evaluate(() => location.hash)).toBe(''); // not kept in the history
    await phone.page.getByRole('button', { name: 'Xác nhận ghi danh' }).click();
    await phone.page.getByTestId('enrolled').waitFor({ timeout: 10_000 });
    expect(await phone.page.getByTestId('enrolled').textContent()).toContain('Nguyễn Thị Mai Phương');
  });

  it("shows the phone's study on the overview and the trainee's page once it syncs", async () => {
    const [trainee] = (await repositories().officeTrainees.list({ scopeUnit: null }, { q: 'Mai Phương', offset: 0, limit: 5 })).rows;
    await phone.page.goto(`/lessons/${lesson.id}`);
    await passQuiz(phone.page, lesson);
    await expect.poll(async () => (await repositories().events.eventsOf(trainee!.id)).some((e) => e.type === 'quiz_answered'), { timeout: 20_000 }).toBe(true);

    const { page } = office;
    const cohortId = (await repositories().cohorts.list({ scopeUnit: null })).find((c) => c.name === COHORT)!.id;
    await page.goto(`/office?cohort=${cohortId}`);
    await expectFigure(page, 'enrolled', 1);
    await expectFigure(page, 'activeLast7Days', 1);

    await page.getByRole('link', { name: 'Học viên', exact: true }).click();
    await page.getByLabel('Tìm theo tên').fill('Mai Phương');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByRole('link', { name: 'Nguyễn Thị Mai Phương' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nguyễn Thị Mai Phương' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(lesson.title.vi) });
    await expect.poll(() => row.textContent()).toContain('100');
    const devices = page.getByRole('table', { name: /Thiết bị của/ });
    expect(await devices.getByRole('row').count()).toBe(2); // the header and the phone
    expect(await devices.getByRole('row').nth(1).textContent()).not.toContain('–');
    expect(await page.getByTestId('note-count').textContent()).toBe('0');
    // The page's own tables download too, made in the page (UTF-8 with a BOM, like the server's).
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Tải CSV: Tiến độ của/ }).click()]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lessonRow = parseCsv(bytes.toString('utf8')).map((r) => r.fields).find((r) => r[0] === lesson.title.vi);
    expect(lessonRow?.[4]).toBe('100'); // the best score, in percent
  });

  it('uploads a CSV of three trainees, naming a bad row first, then prints three sheets', async () => {
    const { page } = office;
    await page.getByRole('link', { name: 'Ghi danh học viên' }).click();
    const upload = async (name: string, text: string) => {
      await page.getByLabel('Tệp CSV', { exact: true }).setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${text}`, 'utf8') });
      await page.getByRole('button', { name: 'Tải lên và ghi danh' }).click();
    };
    await upload('sai.csv', 'Họ và tên,Đơn vị,Tỉnh/Thành phố\nTrần Văn Khoa,Sở KH&CN Đà Nẵng,Đà Nẵng\nLê Thị Lan,Sở KH&CN Huế,Sài Gòn\n');
    await expect.poll(() => page.getByTestId('row-problems').textContent()).toBe('Dòng 3, cột Tỉnh, thành phố hoặc bộ: không có trong Danh mục');

    const file = ['Họ và tên,Đơn vị,Tỉnh/Thành phố', 'Trần Văn Khoa,Sở KH&CN Đà Nẵng,Đà Nẵng', 'Đặng Thị Ngọc Ánh,"Sở KH&CN Đà Nẵng, phòng CNTT",TP. Đà Nẵng', 'Lê Thị Lan,Bộ Nội vụ,Bộ Nội vụ'].join('\r\n');
    await page.getByLabel(COHORT).last().check();
    await upload('dung.csv', file);
    await page.getByRole('heading', { name: 'Vừa ghi danh: 3' }).waitFor();
    await page.getByRole('button', { name: 'In 3 phiếu ghi danh' }).click();
    await expect.poll(() => page.getByTestId('sheet-code').count()).toBe(3);
    expect(await printedPages(page)).toBe(3);
  });

  it('filters the views by cohort and province, and exports CSV that keeps Vietnamese names and numbers', async () => {
    const { page } = office;
    await page.getByRole('link', { name: 'Tổng quan' }).click();
    await page.getByLabel('Khóa học', { exact: true }).selectOption({ label: COHORT });
    await expectFigure(page, 'enrolled', 4);
    await page.getByLabel('Tỉnh, thành phố hoặc bộ', { exact: true }).selectOption({ label: 'Đà Nẵng' });
    await expectFigure(page, 'enrolled', 2);
    expect(page.url()).toMatch(/\?cohort=co-\w+&place=da-nang$/);

    await page.getByRole('link', { name: 'Học viên', exact: true }).click();
    await expect.poll(() => page.getByRole('table').getByRole('row').count()).toBe(3);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải CSV: Học viên' }).click()]);
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.toString('utf8')).map((r) => r.fields);
    expect(rows[0]!.slice(1, 5)).toEqual(['Họ và tên', 'Đơn vị', 'Tỉnh, thành phố hoặc bộ', 'Số bài đã hoàn thành']);
    // In the Vietnamese alphabet: Đ comes after D, before T.
    expect(rows.slice(1).map((r) => [r[1], r[2], r[3], r[4]])).toEqual([
      ['Đặng Thị Ngọc Ánh', 'Sở KH&CN Đà Nẵng, phòng CNTT', 'Đà Nẵng', '0'],
      ['Trần Văn Khoa', 'Sở KH&CN Đà Nẵng', 'Đà Nẵng', '0'],
    ]);

    await page.getByRole('link', { name: 'Theo đơn vị' }).click();
    const [units] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải CSV: Theo đơn vị' }).click()]);
    const unitRows = parseCsv(readFileSync((await units.path())!, 'utf8')).map((r) => r.fields);
    expect(unitRows.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['Sở KH&CN Đà Nẵng', '1', '0'],
      ['Sở KH&CN Đà Nẵng, phòng CNTT', '1', '0'],
    ]);
  });
});
