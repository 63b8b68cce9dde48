import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { issueEnrolment } from '../../src/server/services/enrolment-service.ts';
import { FINAL_ASSESSMENT_ID } from '../../src/shared/lesson.ts';
import { readStore, reloadOffline, syncStatus, useChromium, useServerRepositories, waitForServiceWorker } from './browser.ts';
import { answerFinal, finalPool } from './screens.ts';

async function enrolWith(page: Page, code: string) {
  await page.goto('/enrol');
  await page.getByLabel('Mã ghi danh').fill(code);
  await page.getByRole('button', { name: 'Xác nhận ghi danh' }).click();
  await expect.poll(() => page.getByTestId('enrolled').count(), { timeout: 10_000 }).toBe(1);
}

/** The final assessment's events the phone holds. */
const finalEventsOn = async (page: Page) => (await readStore(page, 'events')).filter((e) => e.lessonId === FINAL_ASSESSMENT_ID);

/** The document title, and the text of the focused element when it is the screen's h1 (else null). */
const screenState = (page: Page) =>
  page.evaluate(() => ({
    title: document.title,
    focusedHeading: document.activeElement?.matches('main h1') ? document.activeElement.textContent : null,
  }));

describe('the final assessment in Chromium', () => {
  const chromium = useChromium();
  const repository = useServerRepositories();

  it('is taken and passed offline, kept through an offline reload, and synced once when back online', async () => {
    const { trainee, code } = await issueEnrolment(repository(), { name: 'Trần Thu Hà', unit: 'Sở Khoa học và Công nghệ Huế', now: new Date() });
    const { context, page } = await chromium.phone('vi-VN');
    await page.goto('/');
    // Opened once: the worker has precached the course, the final assessment's pool included.
    await waitForServiceWorker(page);
    await enrolWith(page, code);

    await context.setOffline(true);
    await page.goto('/');
    await page.getByTestId('final-card').getByRole('link', { name: 'Bài kiểm tra cuối khóa' }).click();
    await expect.poll(() => screenState(page)).toEqual({ title: 'Bài kiểm tra cuối khóa – Học Chính phủ số', focusedHeading: 'Bài kiểm tra cuối khóa' });
    await answerFinal(page, 'vi');
    const result = page.getByTestId('quiz-result');
    expect(await result.textContent()).toContain(`Trả lời đúng ${finalPool.draw}/${finalPool.draw} câu (100%).`);
    expect(await result.textContent()).toContain('Đạt!');
    await expect.poll(async () => (await finalEventsOn(page)).length).toBe(1);
    const [attempt] = await finalEventsOn(page);
    // One quiz attempt, with the drawn questions' answers and its seed; nothing else for it.
    expect(attempt).toMatchObject({ type: 'quiz_answered', payload: { score: 1, passed: true, seed: expect.any(Number) } });
    expect(Object.keys((attempt!.payload as { answers: object }).answers)).toHaveLength(finalPool.draw);

    const goOnline = await reloadOffline(page);
    await expect.poll(() => page.getByTestId('final-standing').textContent()).toBe('Kết quả cao nhất: 100% (đạt), sau 1 lần làm bài.');
    await page.getByRole('navigation').getByRole('link', { name: 'Của tôi', exact: true }).click();
    const kept = page.getByTestId('final-result');
    await expect.poll(() => kept.textContent()).toContain('Điểm cao nhất 100% · 1 lần làm bài');
    expect(await kept.textContent()).toContain('Đạt');
    await expect.poll(() => syncStatus(page)).toBe('Ngoại tuyến: 1 thay đổi sẽ đồng bộ khi có mạng');
    expect(await repository().events.eventsOf(trainee.id)).toEqual([]);

    await goOnline();
    await expect.poll(() => syncStatus(page), { timeout: 15_000 }).toMatch(/^Đã đồng bộ lúc \d\d:\d\d$/);
    // Stored once, as the phone recorded it, and counted (not flagged as an unknown lesson).
    const stored = await repository().events.eventsOf(trainee.id, { flagged: false });
    expect(stored).toHaveLength(1);
    expect(attempt).toMatchObject(stored[0]!); // the phone's row also says whether it synced
    // Syncing again stores nothing twice.
    await page.getByRole('button', { name: 'Đồng bộ ngay' }).click();
    await expect.poll(() => page.locator('.sync-now').textContent()).toContain('Đã đồng bộ xong.');
    expect(await repository().events.eventsOf(trainee.id)).toEqual(stored);
    expect(await readStore(page, 'pending')).toEqual([]);
    await context.close();
  });
});
