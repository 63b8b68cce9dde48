import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/App.tsx';
import { detectLanguage } from '../../src/app/i18n/language.ts';

// The Me screen and the sheets are a lazy chunk: transformed once here, not within a test's wait.
beforeAll(() => import('../../src/app/pages/me-screens.ts'));
afterEach(() => history.replaceState(null, '', '/'));

describe('app shell', () => {
  it('shows the app name, the course placeholder and the version in Vietnamese', async () => {
    render(<App />);
    expect(screen.getByText('Học Chính phủ số')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Chào mừng đến với Học Chính phủ số');
    expect(screen.getByTestId('course-list')).toBeTruthy();
    expect(document.title).toBe('Bài học – Học Chính phủ số');
    // The version is on the Me screen.
    fireEvent.click(screen.getByRole('link', { name: 'Của tôi' }));
    expect(await screen.findByText(`Phiên bản ${__APP_VERSION__}`)).toBeTruthy();
  });

  it('switches to English and back in the settings sheet, remembers the choice and marks the page language', async () => {
    render(<App />);
    fireEvent.click(screen.getByRole('button', { name: 'Cài đặt đọc' }));
    fireEvent.click(await screen.findByRole('radio', { name: 'English' }));
    expect(await screen.findByText('Welcome to eGov Learn')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect((screen.getByRole('radio', { name: 'English' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('radio', { name: 'English' }).closest('[lang]')?.getAttribute('lang')).toBe('en');
    expect(detectLanguage(localStorage.getItem('egov-learn.language'), ['vi'])).toBe('en');

    fireEvent.click(screen.getByRole('radio', { name: 'Tiếng Việt' }));
    expect(await screen.findByText('Chào mừng đến với Học Chính phủ số')).toBeTruthy();
  });

  it('says when the phone is offline and when it is back online, on the status chip and once aloud', async () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    render(<App />);
    const chip = screen.getByTestId('status-chip');
    expect(chip.textContent).toBe('Ngoại tuyến');
    onLine.mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    await waitFor(() => expect(chip.textContent).not.toBe('Ngoại tuyến'));
    await waitFor(() => expect(screen.getByTestId('live-region').textContent).toBe('Đã có mạng trở lại.'));
    onLine.mockRestore();
  });

  it('offers a waiting update and reloads only when asked', () => {
    const reload = vi.fn();
    render(<App pendingUpdate={reload} />);
    expect(screen.getByRole('alertdialog')).toBeTruthy();
    expect(reload).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Tải lại' }));
    expect(reload).toHaveBeenCalledOnce();
  });

  it('lets the trainee put the update off', () => {
    render(<App pendingUpdate={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Để sau' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});
