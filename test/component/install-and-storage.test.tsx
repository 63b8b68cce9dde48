import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InstallApp } from '../../src/app/components/InstallApp.tsx';
import { StorageStatus } from '../../src/app/components/StorageStatus.tsx';
import { isIosSafari, listenForInstallPrompt } from '../../src/app/install/install-events.ts';

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
