import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InstallApp } from '../../src/app/components/install/InstallApp.tsx';
import { IosEvictionWarning } from '../../src/app/components/install/IosEvictionWarning.tsx';
import { StorageStatus } from '../../src/app/components/install/StorageStatus.tsx';
import { setLanguage } from '../../src/app/i18n/i18n.ts';
import { isIosSafari, listenForInstallPrompt } from '../../src/app/install/install-events.ts';
import { atRiskOfEviction } from '../../src/app/install/ios-eviction.ts';
import { SyncStatus } from '../../src/app/components/sync/SyncStatus.tsx';
import type { LocalStore } from '../../src/data/local-store.ts';
import { setMeta } from '../../src/data/store/learn-db.ts';
import { freshAppStore } from './app-store.ts';

const iphoneSafari =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

afterEach(() => vi.restoreAllMocks());

describe('install', () => {
  it('recognises iOS Safari but not Chrome on iOS or Android', () => {
    expect(isIosSafari(iphoneSafari, 5)).toBe(true);
    expect(isIosSafari(iphoneSafari.replace('Version/17.5', 'CriOS/120.0'), 5)).toBe(false);
    expect(isIosSafari('Mozilla/5.0 (Linux; Android 14) Chrome/120.0 Mobile Safari/537.36', 5)).toBe(false);
  });

  it('offers the browser install prompt when Chromium provides one', async () => {
    listenForInstallPrompt();
    render(<InstallApp />);
    expect(screen.queryByRole('button', { name: 'Cài ứng dụng' })).toBeNull();

    const prompt = vi.fn(async () => {});
    const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt,
      userChoice: Promise.resolve({ outcome: 'accepted' as const }),
    });
    window.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    fireEvent.click(await screen.findByRole('button', { name: 'Cài ứng dụng' }));
    expect(prompt).toHaveBeenCalledOnce();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Cài ứng dụng' })).toBeNull());
  });

  it('shows Share → Add to Home Screen steps on iOS Safari, with why it keeps progress safe', () => {
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(iphoneSafari);
    render(<InstallApp />);
    expect(screen.getByText(/bảy ngày/)).toBeTruthy();
    expect(screen.getAllByRole('listitem')).toHaveLength(3);
  });

  it('shows nothing when already opened from the home screen', () => {
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(iphoneSafari);
    Object.defineProperty(navigator, 'standalone', { value: true, configurable: true });
    const { container } = render(<InstallApp />);
    expect(container.innerHTML).toBe('');
    Object.defineProperty(navigator, 'standalone', { value: undefined, configurable: true });
  });
});

describe('storage status', () => {
  function fakeStorage(persisted: boolean) {
    const storage = {
      estimate: vi.fn(async () => ({ usage: 2_500_000, quota: 1_000_000_000 })),
      persisted: vi.fn(async () => persisted),
      persist: vi.fn(async () => {
        persisted = true;
        return true;
      }),
    };
    Object.defineProperty(navigator, 'storage', { value: storage, configurable: true });
    return storage;
  }

  it('shows usage and free space, and asks to keep the data with a reason', async () => {
    const storage = fakeStorage(false);
    render(<StorageStatus />);
    expect((await screen.findByTestId('storage-status')).textContent).toMatch(/2,5 MB.*997,5 MB/);
    fireEvent.click(screen.getByRole('button', { name: 'Giữ dữ liệu trên máy' }));
    expect(await screen.findByText(/kể cả khi bộ nhớ đầy/)).toBeTruthy();
    expect(storage.persist).toHaveBeenCalledOnce();
  });
});

describe('the iOS warning about unsynced progress', () => {
  const day = 24 * 60 * 60 * 1000;
  let store: LocalStore;
  beforeEach(() => {
    store = freshAppStore('ios');
  });
  /** The sync line beside the warning shows the waiting event: the warning has had its chance. */
  const statusShowsWaiting = () => vi.waitFor(() => expect(screen.getByTestId('sync-status').textContent).toContain('1 thay đổi đang chờ'));

  it('applies only to Safari tabs on iOS with progress unsynced for more than a day', () => {
    const risk = { iosSafari: true, standalone: false, oldestPendingAt: 0, now: day + 1 };
    expect(atRiskOfEviction(risk)).toBe(true);
    expect(atRiskOfEviction({ ...risk, now: day })).toBe(false);
    expect(atRiskOfEviction({ ...risk, standalone: true })).toBe(false);
    expect(atRiskOfEviction({ ...risk, iosSafari: false })).toBe(false);
    expect(atRiskOfEviction({ ...risk, oldestPendingAt: null })).toBe(false);
  });

  it('warns in the trainee language once the oldest unsynced step is a day old, and not after it syncs', async () => {
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(iphoneSafari);
    await store.outbox.record({ type: 'section_read', lessonId: 'intro', payload: { sectionId: 's-1' } });
    const recordedAt = Date.now();
    const { rerender } = render(<><IosEvictionWarning now={recordedAt + day / 2} /><SyncStatus /></>);
    await statusShowsWaiting();
    expect(screen.queryByRole('alert')).toBeNull();

    rerender(<><IosEvictionWarning now={recordedAt + 2 * day} /><SyncStatus /></>);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Tiến độ học từ ngày \d+ tháng \d+ mới chỉ lưu trên máy này/);
    await setLanguage('en');
    await vi.waitFor(() => expect(screen.getByRole('alert').textContent).toContain("Safari deletes a website's data after seven days"));
    expect(screen.getByRole('link', { name: 'How to add it' }).getAttribute('href')).toBe('/me#install');

    expect(screen.getByRole('alert').textContent).toContain('enrol to keep a copy on the server'); // not enrolled yet
    await setMeta(store.db, 'token', 'token-token-token-token-token');
    await vi.waitFor(() => expect(screen.getByRole('alert').textContent).toContain('connect to the internet so it syncs'));

    await store.db.pending.clear(); // the server took them
    await vi.waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('stays away on Android and from the home screen app', async () => {
    await store.outbox.record({ type: 'section_read', lessonId: 'intro', payload: { sectionId: 's-1' } });
    render(<><IosEvictionWarning now={Date.now() + 3 * day} /><SyncStatus /></>);
    await statusShowsWaiting();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
