import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../plugins/lessons/compile-course.ts';
import { issueDeviceCode, issueEnrolment } from '../../src/server/services/enrolment-service.ts';
import { enrolWith, passQuiz, readStore, syncStatus, useChromium, useServerRepositories, waitForServiceWorker } from './browser.ts';

const lesson = compileCourse(join(import.meta.dirname, '../../content')).lessons[0]!;
const folder = mkdtempSync(join(tmpdir(), 'egov-learn-transfer-'));

/** Saves the progress file from the Me screen, as the trainee does; resolves with its path. */
async function exportFrom(page: Page, name: string): Promise<string> {
  await page.goto('/me');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Lưu tiến độ ra tệp' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^egov-learn-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const path = join(folder, name);
  await download.saveAs(path);
  return path;
}

/** Imports a file from the Me screen, opened afresh, through the file picker; resolves with what the screen then says. */
async function importInto(page: Page, path: string): Promise<string> {
  await page.goto('/me');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Nhập tiến độ từ tệp' }).click()]);
  await chooser.setFiles(path);
  const outcome = page.getByTestId('transfer-outcome');
  await outcome.waitFor();
  return (await outcome.textContent()) ?? '';
}

const ids = (events: Array<Record<string, unknown>>) => events.map((e) => e.id as string).sort();
/** Progress as the trainee sees it (the write stamps' device ids aside: imported steps are the new phone's now). */
const visible = (rows: Array<Record<string, unknown>>) => rows.map(({ clocks: _, ...row }) => row);

describe('carrying progress to another phone by file, in Chromium', () => {
  const chromium = useChromium();
  const repository = useServerRepositories();

  it('moves offline study to a fresh phone, which syncs it; the server holds each step once, and nothing counts twice', async () => {
    const { trainee, code } = await issueEnrolment(repository(), { name: 'Đặng Quốc Bảo', unit: 'Sở TT&TT Lào Cai', now: new Date() });

    // Phone A: enrolled, part of its study synced, then a week offline.
    const a = await chromium.phone('vi-VN');
    await a.page.goto('/');
    await waitForServiceWorker(a.page);
    await enrolWith(a.page, code);
    await a.page.goto(`/lessons/${lesson.id}`);
    await a.page.getByRole('button', { name: `Đánh dấu phần “${lesson.sections[1]!.title.vi}”` }).click();
    await expect.poll(() => syncStatus(a.page), { timeout: 15_000 }).toMatch(/^Đã đồng bộ lúc/);
    expect(await repository().events.eventsOf(trainee.id)).toHaveLength(1);

    await a.context.setOffline(true);
    await a.page.goto(`/lessons/${lesson.id}`);
    await a.page.getByLabel('Ghi chú cho bài này (chỉ học viên xem được)').fill('Ghi chú viết khi mất mạng');
    await a.page.getByRole('button', { name: 'Lưu ghi chú' }).click();
    await passQuiz(a.page, lesson);
    await expect.poll(async () => (await readStore(a.page, 'pending')).length).toBeGreaterThanOrEqual(2);
    const onA = await readStore(a.page, 'events');
    const fileA = await exportFrom(a.page, 'phone-a.json');
    const file = JSON.parse(readFileSync(fileA, 'utf8')) as { format: string; version: number; deviceId: string; trainee: { id: string }; events: Array<Record<string, unknown>> };
    expect(file).toMatchObject({ format: 'egov-learn-progress', version: 1, trainee: { id: trainee.id } });
    expect(ids(file.events)).toEqual(ids(onA));
    expect(file.events.every((e) => e.deviceId === file.deviceId)).toBe(true);

    // A's own file changes nothing on A.
    expect(await importInto(a.page, fileA)).toBe('Không có gì mới: mọi bước học trong tệp đã có trên máy này.');
    expect(ids(await readStore(a.page, 'events'))).toEqual(ids(onA));

    // Phone B: fresh. The file brings every step, then enrolment and a sync bring it to the server.
    const b = await chromium.phone('vi-VN');
    await b.page.goto('/');
    expect(await importInto(b.page, fileA)).toBe(`Đã nhập ${onA.length} bước học mới; 0 bước đã có sẵn trên máy.`);
    expect(ids(await readStore(b.page, 'events'))).toEqual(ids(onA));
    expect(visible(await readStore(b.page, 'progress'))).toEqual(visible(await readStore(a.page, 'progress')));
    await b.page.goto(`/lessons/${lesson.id}`);
    await expect.poll(() => b.page.getByLabel('Ghi chú cho bài này (chỉ học viên xem được)').inputValue()).toBe('Ghi chú viết khi mất mạng');

    // Importing the same file again changes nothing.
    expect(await importInto(b.page, fileA)).toBe('Không có gì mới: mọi bước học trong tệp đã có trên máy này.');
    expect(await readStore(b.page, 'events')).toHaveLength(onA.length);

    await enrolWith(b.page, (await issueDeviceCode(repository(), { traineeId: trainee.id, now: new Date() }))!.code);
    await expect.poll(() => syncStatus(b.page), { timeout: 15_000 }).toMatch(/^Đã đồng bộ lúc/);
    const stored = await repository().events.eventsOf(trainee.id);
    expect(ids(stored as unknown as Array<Record<string, unknown>>)).toEqual(ids(onA)); // each step once

    // A comes back online and pushes the same steps: the server already holds them, once, and
    // acknowledges A's copies as the same events (another device of the same trainee sent them).
    await a.context.setOffline(false);
    await expect.poll(() => syncStatus(a.page), { timeout: 15_000 }).toMatch(/^Đã đồng bộ lúc/);
    expect(await readStore(a.page, 'pending')).toEqual([]);
    expect(await readStore(a.page, 'held')).toEqual([]);
    expect(ids((await repository().events.eventsOf(trainee.id)) as unknown as Array<Record<string, unknown>>)).toEqual(ids(onA));
    expect(visible(await readStore(a.page, 'progress'))).toEqual(visible(await readStore(b.page, 'progress')));
    await a.context.close();
    await b.context.close();
  }, 120_000);

  it('refuses a damaged, a foreign or another trainee\'s file in both languages, and imports nothing from it', async () => {
    const { page, context } = await chromium.phone('vi-VN');
    await page.goto(`/lessons/${lesson.id}`);
    await page.getByRole('button', { name: `Đánh dấu phần “${lesson.sections[0]!.title.vi}”` }).click();
    await expect.poll(async () => (await readStore(page, 'events')).length).toBe(1);
    const good = readFileSync(await exportFrom(page, 'own.json'), 'utf8');
    const fresh = await chromium.phone('vi-VN');
    await fresh.page.goto('/');

    const damaged = join(folder, 'damaged.json');
    writeFileSync(damaged, good.slice(0, good.length / 2));
    const foreign = join(folder, 'foreign.json');
    writeFileSync(foreign, JSON.stringify({ name: 'egov-learn', version: '0.1.0' }));
    const altered = join(folder, 'altered.json');
    const parsed = JSON.parse(good) as { events: Array<{ payload: { sectionId: string } }> };
    parsed.events[0]!.payload.sectionId = 'NOT A SECTION ID';
    writeFileSync(altered, JSON.stringify(parsed));

    for (const [path, vi, en] of [
      [damaged, 'Tệp này bị hỏng hoặc không đọc được, nên không nhập gì cả.', 'This file is damaged or unreadable, so nothing was imported.'],
      [altered, 'Tệp này bị hỏng hoặc không đọc được, nên không nhập gì cả.', 'This file is damaged or unreadable, so nothing was imported.'],
      [foreign, 'Đây không phải tệp tiến độ của Học Chính phủ số, nên không nhập gì cả.', 'This is not an eGov Learn progress file, so nothing was imported.'],
    ] as const) {
      const said = await importInto(fresh.page, path);
      expect(said).toContain(vi);
      expect(said).toContain(en);
      expect(await fresh.page.getByRole('alert').count()).toBe(1);
      expect(await fresh.page.locator('[data-testid="transfer-outcome"] [lang="en"]').textContent()).toContain(en);
      expect(await readStore(fresh.page, 'events')).toEqual([]);
    }

    // Another trainee's file, on a phone enrolled for someone else.
    const { code } = await issueEnrolment(repository(), { name: 'Lý Thu Trang', unit: 'Sở TT&TT Sơn La', now: new Date() });
    await enrolWith(fresh.page, code);
    const other = join(folder, 'other-trainee.json');
    writeFileSync(other, JSON.stringify({ ...JSON.parse(good), trainee: { id: 'someone-else', name: 'Người khác', unit: 'Đơn vị khác' } }));
    expect(await importInto(fresh.page, other)).toContain('Tệp này là tiến độ của một học viên khác, nên không nhập gì cả.');
    expect(await readStore(fresh.page, 'events')).toEqual([]);
    await fresh.context.close();
    await context.close();
  }, 120_000);
});
