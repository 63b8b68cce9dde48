import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../plugins/lessons/compile-course.ts';
import { issueDeviceCode, issueEnrolment } from '../../src/server/services/enrolment-service.ts';
import { enrolWith, passQuiz, readStore, reloadOffline, scrollSectionIntoView, syncStatus, useChromium, useServerRepositories, waitForServiceWorker } from './browser.ts';

const lesson = compileCourse(join(import.meta.dirname, '../../content')).lessons[0]!;

const status = (page: Page) => syncStatus(page);

describe('sync in Chromium', () => {
  const chromium = useChromium();
  const repository = useServerRepositories();

  it('keeps offline study through a reload, syncs it exactly once, and shows it on a second device', async () => {
    const { trainee, code } = await issueEnrolment(repository(), { name: 'Võ Minh Tâm', unit: 'Sở TT&TT Cần Thơ', now: new Date() });
    const { context, page } = await chromium.phone('vi-VN');
    await page.goto('/');
    await waitForServiceWorker(page);
    await enrolWith(page, code);

    await context.setOffline(true);
    await page.clock.install();
    await page.goto(`/lessons/${lesson.id}`);
    await expect.poll(() => page.locator('.lesson-section').count()).toBe(lesson.sections.length);
    for (const s of lesson.sections.slice(0, 2)) {
      await scrollSectionIntoView(page, s.id);
      await page.clock.runFor(13_000);
      await expect.poll(() => page.locator(`[data-section="${s.id}"] .read-mark`).count(), { timeout: 5000 }).toBe(1);
    }
    await passQuiz(page, lesson);
    // Two sections read and one quiz attempt, at least (the lesson page may record more).
    await expect.poll(async () => (await readStore(page, 'events')).length).toBeGreaterThanOrEqual(3);

    const goOnline = await reloadOffline(page);
    const offline = await readStore(page, 'events');
    expect(offline.length).toBeGreaterThanOrEqual(3);
    expect((await readStore(page, 'pending')).map((e) => e.id).sort()).toEqual(offline.map((e) => e.id).sort());
    await expect.poll(() => status(page)).toBe(`Ngoại tuyến: ${offline.length} thay đổi sẽ đồng bộ khi có mạng`);
    expect(await repository().events.eventsOf(trainee.id)).toEqual([]);

    await goOnline();
    await expect.poll(() => status(page), { timeout: 15_000 }).toMatch(/^Đã đồng bộ lúc \d\d:\d\d$/);
    const stored = await repository().events.eventsOf(trainee.id);
    expect(stored.map((e) => e.id).sort()).toEqual(offline.map((e) => e.id).sort());

    const second = await chromium.phone('vi-VN');
    const laptop = second.page;
    await laptop.goto('/');
    await enrolWith(laptop, (await issueDeviceCode(repository(), { traineeId: trainee.id, now: new Date() }))!.code);
    await expect.poll(() => status(laptop), { timeout: 15_000 }).toMatch(/^Đã đồng bộ lúc/);
    expect(await readStore(laptop, 'progress')).toEqual(await readStore(page, 'progress'));
    await laptop.goto(`/lessons/${lesson.id}`);
    await expect.poll(() => laptop.locator('.read-mark').count()).toBe(2);
    await second.context.close();
    await context.close();
  });
});
