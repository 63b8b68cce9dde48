import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { compileCourse } from '../../plugins/lessons/compile-course.ts';
import { issueDeviceCode, issueEnrolment } from '../../src/server/services/enrolment-service.ts';
import { CATALOGUE_FILE, type Catalogue } from '../../src/shared/catalogue.ts';
import { parseHlc } from '../../src/shared/hlc.ts';
import { enrolWith, readStore, scrollSectionIntoView, useChromium, useServerRepositories, waitForServiceWorker } from './browser.ts';

/*
 * Nothing blocks and nothing goes stale (issue 12), in Chromium against the real server: a phone
 * left open learns of edits made elsewhere, a wrong phone clock does not decide which edit wins,
 * a course update that renames or removes what a phone recorded against holds nothing back, a
 * refused event is held back and said while the rest sync, and a burst of taps is one request.
 */

const course = compileCourse(join(import.meta.dirname, '../../content'));
const [lesson, other] = [course.lessons[0]!, course.lessons[1]!];
const day = 24 * 60 * 60 * 1000;
const catalogueFile = join(inject('staticDir'), CATALOGUE_FILE);

const noteField = (page: Page) => page.getByLabel(/^Ghi chú cho bài này/);
const bookmark = (page: Page, title: string) => page.getByRole('button', { name: `Đánh dấu phần “${title}”` });
/** Bookmarks a section and waits until the phone has stored it (the button shows the stored state). */
async function setBookmark(page: Page, title: string) {
  await bookmark(page, title).click();
  await expect.poll(() => bookmark(page, title).getAttribute('aria-pressed')).toBe('true');
}
const lastSyncAt = async (page: Page) => Number((await readStore(page, 'meta')).find((row) => row.key === 'lastSyncAt')?.value ?? 0);
/**
 * Moves the clock past the grouping delay and waits until the sync it starts has ended: its events
 * have left the pending store and the engine has stored the outcome and armed its next pull. A
 * clock moved on before that would arm the pull late, past the end of the time the test runs for.
 */
async function syncAll(page: Page) {
  const before = await page.evaluate(() => Date.now());
  await page.clock.runFor(3500);
  await expect.poll(async () => (await readStore(page, 'pending')).length, { timeout: 15_000 }).toBe(0);
  await expect.poll(() => lastSyncAt(page), { timeout: 15_000 }).toBeGreaterThanOrEqual(before);
}

async function saveNote(page: Page, text: string) {
  await noteField(page).fill(text);
  await page.getByRole('button', { name: 'Lưu ghi chú' }).click();
}

describe('sync that never blocks and never goes stale, in Chromium', () => {
  const chromium = useChromium();
  const repository = useServerRepositories();
  const original = readFileSync(catalogueFile, 'utf8');
  const contexts: BrowserContext[] = [];
  afterEach(async () => {
    writeFileSync(catalogueFile, original); // the course as built, for the next test
    for (const context of contexts.splice(0)) await context.close();
  });

  /** A phone enrolled with `code`, its clock installed (at `clock.time` when given). */
  async function phone(code: string, clock?: { time: number }) {
    const { context, page } = await chromium.phone('vi-VN');
    contexts.push(context);
    await page.clock.install(clock);
    await page.goto('/');
    await page.clock.runFor(1000); // the first screen's background work: the data layer, the engine
    await waitForServiceWorker(page);
    await enrolWith(page, code);
    return page;
  }
  async function twoDevices(clock?: { time: number }) {
    const { trainee, code } = await issueEnrolment(repository(), { name: 'Đỗ Thị Lan', unit: 'Sở KH&CN Lào Cai', now: new Date() });
    const second = (await issueDeviceCode(repository(), { traineeId: trainee.id, now: new Date() }))!.code;
    return { trainee, a: await phone(code, clock), b: await phone(second) };
  }
  const openLesson = async (page: Page, id = lesson.id) => {
    await page.goto(`/lessons/${id}`);
    await page.locator('.lesson-section').first().waitFor();
    await page.clock.runFor(1000);
  };
  const rewriteCatalogue = (change: (catalogue: Catalogue) => Catalogue) =>
    writeFileSync(catalogueFile, JSON.stringify(change(JSON.parse(original) as Catalogue)));

  it('brings an edit made on another device to a phone left open, within one pull interval and with no tap', async () => {
    const { a, b } = await twoDevices();
    await openLesson(a);
    await saveNote(a, 'Ghi trên điện thoại');
    await syncAll(a);

    await openLesson(b);
    await expect.poll(() => noteField(b).inputValue()).toBe('Ghi trên điện thoại');
    await saveNote(b, 'Sửa trên máy tính bảng');
    await syncAll(b);

    // The phone stays open on the lesson; only its clock moves.
    expect(await noteField(a).inputValue()).toBe('Ghi trên điện thoại');
    await a.clock.runFor(120_000);
    await expect.poll(() => noteField(a).inputValue(), { timeout: 15_000 }).toBe('Sửa trên máy tính bảng');
  });

  it('lets a phone two days ahead sync, lets the later edit elsewhere win, and stamps normally once it knows', async () => {
    const { a, b } = await twoDevices({ time: Date.now() + 2 * day });
    await openLesson(b); // b learns nothing it needs: its clock is right
    await openLesson(a);
    await saveNote(a, 'Ghi khi đồng hồ chạy nhanh');
    await syncAll(a);
    expect((await readStore(a, 'held')).length).toBe(0);

    await b.clock.runFor(120_000);
    await expect.poll(() => noteField(b).inputValue(), { timeout: 15_000 }).toBe('Ghi khi đồng hồ chạy nhanh');
    // Each runFor moves a page's clock past the server's, and a phone stamps by the server's time
    // as it last measured it: a's note can carry a stamp a second or two past the real time it
    // was saved (seen: the note failed to lose in about one run in five). An edit is later only
    // once the server's clock (this machine's) has passed that stamp.
    const aNote = (await readStore(a, 'events')).find((e) => e.type === 'note_saved')!;
    await expect.poll(() => Date.now() > parseHlc(aNote.at as string).wall, { timeout: 15_000 }).toBe(true);
    await saveNote(b, 'Sửa sau, đồng hồ đúng');
    await syncAll(b);

    await a.clock.runFor(120_000);
    await expect.poll(() => noteField(a).inputValue(), { timeout: 15_000 }).toBe('Sửa sau, đồng hồ đúng');
    // The phone's clock is still two days ahead; its new stamps follow the server's time.
    await setBookmark(a, lesson.sections[1]!.title.vi);
    // Read from the event log, where it stays whether or not a sync has taken it already.
    const fresh = (await readStore(a, 'events')).find((e) => e.type === 'bookmark_set' && (e.payload as { sectionId: string }).sectionId === lesson.sections[1]!.id);
    expect(Math.abs(parseHlc(fresh!.at as string).wall - Date.now())).toBeLessThan(5 * 60_000);
  });

  it('counts events recorded against a section the course has since renamed, and holds nothing back', async () => {
    const { trainee, a } = await twoDevices();
    const renamed = lesson.sections[0]!;
    // The server has the update; this phone still runs the build from before it.
    rewriteCatalogue((c) => ({
      ...c,
      lessons: c.lessons.map((l) =>
        l.id === lesson.id
          ? { ...l, sections: l.sections.map((s) => (s === renamed.id ? 'renamed-section' : s)), formerSectionIds: { [renamed.id]: 'renamed-section' } }
          : l,
      ),
    }));
    await openLesson(a);
    await scrollSectionIntoView(a, renamed.id);
    await a.clock.runFor(13_000);
    await expect.poll(() => a.locator(`[data-section="${renamed.id}"] .read-mark`).count(), { timeout: 5000 }).toBe(1);
    await syncAll(a);
    expect(await readStore(a, 'held')).toEqual([]);
    const placed = await repository().events.eventsOf(trainee.id, { flagged: false });
    expect(placed.filter((e) => e.type === 'section_read').map((e) => e.payload)).toContainEqual({ sectionId: renamed.id });
  });

  it('stores events for a lesson the course no longer has, flagged, while the rest sync and nothing blocks', async () => {
    const { trainee, a } = await twoDevices();
    rewriteCatalogue((c) => ({ ...c, lessons: c.lessons.filter((l) => l.id !== other.id) }));
    await openLesson(a, other.id);
    await setBookmark(a, other.sections[0]!.title.vi);
    await openLesson(a);
    await setBookmark(a, lesson.sections[0]!.title.vi);
    await syncAll(a);
    expect(await readStore(a, 'held')).toEqual([]);
    const bookmarks = (events: Array<{ type: string; lessonId: string }>) => events.filter((e) => e.type === 'bookmark_set').map((e) => e.lessonId);
    expect(bookmarks(await repository().events.eventsOf(trainee.id)).sort()).toEqual([lesson.id, other.id].sort());
    expect(bookmarks(await repository().events.eventsOf(trainee.id, { flagged: false }))).toEqual([lesson.id]);
  });

  it('holds back an event the server refuses, says so, and syncs the rest', async () => {
    const { trainee, a } = await twoDevices();
    await openLesson(a);
    await setBookmark(a, lesson.sections[0]!.title.vi);
    await syncAll(a);
    // The same event id, altered on the phone: the server holds the original, so this is a conflict.
    const [sent] = (await readStore(a, 'events')).filter((e) => e.type === 'bookmark_set');
    await a.evaluate(
      (event) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('egov-learn');
          open.onsuccess = () => {
            const tx = open.result.transaction('pending', 'readwrite');
            tx.objectStore('pending').put({ ...event, payload: { sectionId: 'somewhere-else' } });
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
      sent!,
    );
    await setBookmark(a, lesson.sections[1]!.title.vi);
    await syncAll(a);
    expect(await readStore(a, 'held')).toEqual([expect.objectContaining({ id: sent!.id, code: 'id_conflict' })]);
    expect((await repository().events.eventsOf(trainee.id)).filter((e) => e.type === 'bookmark_set')).toHaveLength(2);
    await a.getByTestId('status-chip').dispatchEvent('click');
    await expect.poll(() => a.getByTestId('sync-held').textContent()).toMatch(/1/);
  });

  it('sends a burst of eight taps as at most two requests', async () => {
    const { trainee, a } = await twoDevices();
    // The engine syncs once when it starts, with the background work after the page's load: that
    // sync is over before the taps, so the requests counted are the burst's.
    let startSyncs = 0;
    a.on('requestfinished', (r) => r.url().endsWith('/api/v1/sync') && !r.serviceWorker() && r.frame().url().includes('/lessons/') && startSyncs++);
    await openLesson(a);
    await a.clock.runFor(5000);
    await expect.poll(() => startSyncs).toBeGreaterThanOrEqual(1);
    const requests: string[] = [];
    a.on('request', (r) => r.url().endsWith('/api/v1/sync') && requests.push(r.url()));
    const button = bookmark(a, lesson.sections[0]!.title.vi);
    for (let i = 0; i < 8; i++) await button.click();
    // All eight stored before the clock moves on, so the grouping, not the taps' pace, is tested.
    await expect.poll(async () => (await readStore(a, 'events')).filter((e) => String(e.type).startsWith('bookmark')).length).toBe(8);
    await syncAll(a);
    expect(requests.length).toBeGreaterThanOrEqual(1);
    expect(requests.length).toBeLessThanOrEqual(2);
    expect((await repository().events.eventsOf(trainee.id)).filter((e) => e.type.startsWith('bookmark'))).toHaveLength(8);
  });
});
