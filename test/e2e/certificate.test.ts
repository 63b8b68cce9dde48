import { join } from 'node:path';
import { toSvgPath } from 'lean-qr/extras/svg';
import { correction, generate } from 'lean-qr/nano';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { compileCourse } from '../../plugins/lessons/compile-course.ts';
import { issueEnrolment } from '../../src/server/services/enrolment-service.ts';
import { firstLoadFiles } from '../bench/first-load.ts';
import { seriousViolations } from './axe.ts';
import { readStore, reloadOffline, useChromium, useServerRepositories, waitForServiceWorker } from './browser.ts';
import { answerFinal } from './screens.ts';

const course = compileCourse(join(import.meta.dirname, '../../content'));
const rightAnswers = (questions: ReadonlyArray<{ id: string; options: ReadonlyArray<{ id: string; correct?: boolean | undefined }> }>) =>
  Object.fromEntries(questions.map((q) => [q.id, q.options.filter((o) => o.correct).map((o) => o.id)]));
/** Every step the course asks for, as the lesson screens record them. */
const steps = course.lessons.map((l) => ({ id: l.id, sections: l.sections.map((s) => s.id), answers: rightAnswers(l.quiz.questions) }));

async function enrolWith(page: Page, code: string) {
  await page.goto('/enrol');
  await page.getByLabel('Mã ghi danh').fill(code);
  await page.getByRole('button', { name: 'Xác nhận ghi danh' }).click();
  await page.getByTestId('enrolled').waitFor({ timeout: 10_000 });
}

/**
 * Completes the whole course on the phone: the nine lessons through the app's own verbs (the data
 * layer the app loaded: markSectionRead, answerQuiz, completeLesson; reading every section on
 * screen would take minutes), then the final assessment on its screen, every answer right; the
 * app syncs a few seconds later, as it does after any step.
 */
async function completeCourse(page: Page) {
  // As a string: vitest rewrites import() in this file's functions, which the page then lacks.
  const input = JSON.stringify({ steps });
  await page.evaluate(`(async ({ steps }) => {
    // The data layer's module, already loaded by the app: importing it again gives the same one.
    let data;
    for (const entry of performance.getEntriesByType('resource')) {
      if (!/\\/assets\\/[^/]+\\.js$/.test(entry.name)) continue;
      const module = await import(entry.name);
      if (typeof module.answerQuiz === 'function' && typeof module.syncAppNow === 'function') data = module;
    }
    if (!data) throw new Error('the data layer is not loaded');
    for (const lesson of steps) {
      for (const section of lesson.sections) await data.markSectionRead(lesson.id, section);
      await data.answerQuiz(lesson.id, lesson.answers, 1, true);
      await data.completeLesson(lesson.id);
    }
  })(${input})`);
  await page.goto('/final');
  await answerFinal(page, 'vi');
  expect(await page.getByTestId('quiz-result').textContent()).toContain('Đạt!');
  await expect.poll(async () => (await readStore(page, 'completion')).length, { timeout: 15_000 }).toBe(1);
  return (await readStore(page, 'completion'))[0] as { jws: string; id: string };
}

/** A4 less the print stylesheet's 12 mm margins, in CSS pixels: the box the sheet is laid out in on paper. */
const A4_CONTENT_BOX = { width: Math.round((186 / 25.4) * 96), height: Math.round((273 / 25.4) * 96) };

/** The number of pages in a PDF Chromium printed. */
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;

const verdict = (page: Page) => page.getByTestId('verify-result').getAttribute('data-verdict');

describe('the certificate in Chromium', () => {
  const chromium = useChromium();
  const repository = useServerRepositories();

  it('is issued after the sync that completes the course, shows in Me and offline, verifies in a fresh browser, and prints on one A4 page', async () => {
    const { code } = await issueEnrolment(repository(), { name: 'Nguyễn Thị Hồng Nhung', unit: 'Sở Thông tin và Truyền thông tỉnh Lào Cai', now: new Date() });
    const { context, page } = await chromium.phone('vi-VN');
    await page.goto('/');
    await waitForServiceWorker(page);
    await enrolWith(page, code);
    const kept = await completeCourse(page);

    await page.goto('/me');
    await page.getByTestId('me-certificate').getByRole('link').click();
    const sheet = page.getByTestId('certificate');
    await sheet.waitFor();
    expect(await page.getByTestId('certificate-name').textContent()).toBe('Nguyễn Thị Hồng Nhung');
    expect(await page.getByTestId('certificate-unit').textContent()).toBe('Sở Thông tin và Truyền thông tỉnh Lào Cai');
    expect(await page.getByTestId('certificate-id').textContent()).toBe(kept.id);
    expect(await page.getByTestId('certificate-final').textContent()).toBe('100%');
    const date = await page.getByTestId('certificate-date').textContent();
    expect(date).toMatch(/^ngày \d{1,2} tháng \d{1,2} năm \d{4}\d{1,2} [A-Z][a-z]+ \d{4}$/);
    expect(await sheet.locator('tbody tr').count()).toBe(course.lessons.length);
    // Vietnamese above English, whatever the UI language.
    expect(await sheet.locator('h1 [lang="vi"]').textContent()).toBe('Giấy chứng nhận hoàn thành khóa học');
    expect(await sheet.locator('h1 [lang="en"]').textContent()).toBe('Certificate of course completion');
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.emulateMedia({ colorScheme: 'light' });

    // The QR code is the verify link: drawn again from that link here, it is the same drawing.
    const href = await page.getByTestId('certificate-verify-link').getAttribute('href');
    expect(href).toBe(`/verify#${kept.jws}`);
    const verifyUrl = new URL(href!, page.url()).href;
    const drawn = await sheet.locator('svg.qr-code path').getAttribute('d');
    expect(drawn).toBe(toSvgPath(generate(verifyUrl, { minCorrectionLevel: correction.M })));

    // Print: one A4 page, with the certificate and nothing of the app around it.
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    expect(pageCount(pdf)).toBe(1);
    await page.setViewportSize(A4_CONTENT_BOX);
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => {
      const el = document.querySelector<HTMLElement>('.certificate-sheet')!;
      const shown = [...document.querySelectorAll<HTMLElement>('body *')].filter((e) => e.getClientRects().length > 0 && !el.contains(e) && !e.contains(el));
      return { overflows: el.scrollHeight > el.clientHeight, others: shown.map((e) => e.tagName) };
    });
    expect(printed).toEqual({ overflows: false, others: [] });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 360, height: 740 });

    // Offline, after a reload: still there, from the phone's own store.
    const goOnline = await reloadOffline(page);
    await sheet.waitFor();
    expect(await page.getByTestId('certificate-name').textContent()).toBe('Nguyễn Thị Hồng Nhung');
    // And this installed app verifies offline with the keys its service worker keeps.
    await page.goto(href!);
    await expect.poll(() => verdict(page), { timeout: 10_000 }).toBe('valid');
    expect(await page.locator('.verify-revocation').textContent()).toContain('Ngoại tuyến: chưa kiểm tra được việc thu hồi.');
    await goOnline();

    // Anyone else: a fresh browser, never opened the app, online.
    const inspector = await chromium.phone('vi-VN');
    await inspector.page.goto(verifyUrl);
    await expect.poll(() => verdict(inspector.page), { timeout: 10_000 }).toBe('valid');
    expect(await inspector.page.locator('.verify-verdict').textContent()).toBe('Hợp lệValid');
    expect(await inspector.page.getByTestId('verify-name').textContent()).toBe('Nguyễn Thị Hồng Nhung');
    expect(await inspector.page.getByTestId('verify-unit').textContent()).toBe('Sở Thông tin và Truyền thông tỉnh Lào Cai');
    expect(await inspector.page.getByTestId('verify-date').textContent()).toBe(date);
    expect(await inspector.page.locator('.verify-revocation').textContent()).toContain('Đã kiểm tra với máy chủ: chưa bị thu hồi.');
    expect(await seriousViolations(inspector.page)).toEqual([]);
    await inspector.page.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(inspector.page)).toEqual([]);

    // One letter changed in the record: invalid, and why.
    const [header, payload, signature] = kept.jws.split('.') as [string, string, string];
    const at = Math.floor(payload.length / 2);
    const changed = `${header}.${payload.slice(0, at)}${payload[at] === 'A' ? 'B' : 'A'}${payload.slice(at + 1)}.${signature}`;
    await inspector.page.goto(`/verify#${changed}`);
    await expect.poll(() => verdict(inspector.page), { timeout: 10_000 }).toBe('invalid');
    expect(await inspector.page.locator('.verify-reason').textContent()).toContain('Nội dung đã bị thay đổi sau khi ký');
    expect(await inspector.page.getByTestId('verify-name').count()).toBe(0);

    // Revoked by the programme office: invalid online, with whose it was.
    await repository().certificates.revoke(kept.id, 'test', new Date().toISOString());
    await inspector.page.goto(verifyUrl);
    await expect.poll(() => verdict(inspector.page), { timeout: 10_000 }).toBe('invalid');
    expect(await inspector.page.locator('.verify-reason').textContent()).toContain('đã thu hồi giấy chứng nhận này');
    expect(await inspector.page.getByTestId('verify-name').textContent()).toBe('Nguyễn Thị Hồng Nhung');
    await inspector.context.close();
    await context.close();
  });

  it('prints a certificate with the longest name and unit a record allows on one page, without cutting it', async () => {
    const name = `Nguyễn ${'Thị Hồng Nhung '.repeat(12)}`.slice(0, 200).trim();
    const unit = `Trung tâm Công nghệ thông tin và Truyền thông, ${'Sở Thông tin và Truyền thông tỉnh Bà Rịa - Vũng Tàu, '.repeat(4)}`.slice(0, 200).trim();
    const { code } = await issueEnrolment(repository(), { name, unit, now: new Date() });
    const { context, page } = await chromium.phone('vi-VN');
    await page.goto('/');
    await enrolWith(page, code);
    await completeCourse(page);
    await page.goto('/me/certificate');
    await page.getByTestId('certificate').waitFor();
    expect(await page.locator('.certificate-sheet h1 [lang="vi"]').textContent()).toBe('Giấy chứng nhận hoàn thành khóa học');
    expect(pageCount(await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true }))).toBe(1);
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize(A4_CONTENT_BOX);
    expect(await page.evaluate(() => { const el = document.querySelector('.certificate-sheet')!; return el.scrollHeight <= el.clientHeight; })).toBe(true);
    await context.close();
  });

  it('adds nothing of the certificate or verify screens to the first load of home or a lesson', async () => {
    const { js, css } = firstLoadFiles(inject('staticDir'));
    const { readFileSync } = await import('node:fs');
    const firstLoad = [...js, ...css].map((url) => readFileSync(join(inject('staticDir'), url), 'utf8')).join('\n');
    for (const marker of ['certificate-sheet', 'Giấy chứng nhận hoàn thành', 'completion+jwt', 'verify-result']) expect(firstLoad).not.toContain(marker);

    const { context, page } = await chromium.phone('vi-VN');
    for (const path of ['/', `/lessons/${course.lessons[0]!.id}`]) {
      await page.goto(path);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
      expect(fetched.filter((url) => /certificate|verify-screen/.test(url)), path).toEqual([]);
    }
    await context.close();
  });
});
