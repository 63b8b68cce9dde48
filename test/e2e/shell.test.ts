import { describe, expect, it } from 'vitest';
import { chooseSetting, reloadOffline, useChromium, waitForServiceWorker } from './browser.ts';

describe('the app shell in Chromium', () => {
  const chromium = useChromium();

  it('loads in Vietnamese on a Vietnamese phone, with manifest and version', async () => {
    const { context, page } = await chromium.phone('vi-VN');
    await page.goto('/');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Chào mừng đến với Học Chính phủ số');
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    const manifest = await (await page.request.get('/manifest.webmanifest')).json();
    expect(manifest).toMatchObject({ name: 'Học Chính phủ số', lang: 'vi', display: 'standalone', start_url: '/' });
    expect(manifest.icons.map((i: { purpose: string }) => i.purpose)).toContain('maskable');
    await page.getByRole('link', { name: 'Của tôi' }).click();
    await expect.poll(() => page.locator('main').textContent()).toMatch(/Phiên bản \d+\.\d+\.\d+/);
    await context.close();
  });

  it('opens in English on an English phone', async () => {
    const { context, page } = await chromium.phone('en-US');
    await page.goto('/');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Welcome to eGov Learn');
    await context.close();
  });

  it('switches language and keeps the choice across a reload', async () => {
    const { context, page } = await chromium.phone('vi-VN');
    await page.goto('/');
    await chooseSetting(page, 'English');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Welcome to eGov Learn');
    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Welcome to eGov Learn');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await context.close();
  });

  it('is controlled by the service worker and still opens after going offline', async () => {
    const { context, page } = await chromium.phone('vi-VN');
    await page.goto('/');
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await reloadOffline(page);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Chào mừng đến với Học Chính phủ số');
    await expect.poll(() => page.getByTestId('status-chip').textContent()).toBe('Ngoại tuyến');
    // A deep link never visited before opens from the cached shell too.
    await page.goto('/lessons/anything');
    await expect.poll(() => page.locator('header').textContent()).toContain('Học Chính phủ số');
    await context.close();
  });
});
