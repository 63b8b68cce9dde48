import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/App.tsx';
import { detectLanguage } from '../../src/app/i18n/language.ts';

describe('app shell', () => {
  it('shows the app name, the course placeholder and the version in Vietnamese', () => {
    render(<App />);
    expect(screen.getByText('Học Chính phủ số')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Chào mừng đến với Học Chính phủ số');
    expect(screen.getByTestId('course-list')).toBeTruthy();
    expect(screen.getByText(`Phiên bản ${__APP_VERSION__}`)).toBeTruthy();
  });

  it('switches to English and back, remembers the choice and marks the page language', async () => {
    render(<App />);
    fireEvent.click(screen.getByRole('button', { name: 'Tiếng Anh' }));
    expect(await screen.findByText('Welcome to eGov Learn')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(detectLanguage(localStorage.getItem('egov-learn.language'), ['vi'])).toBe('en');

    fireEvent.click(screen.getByRole('button', { name: 'Vietnamese' }));
    expect(await screen.findByText('Chào mừng đến với Học Chính phủ số')).toBeTruthy();
  });

  it('says when the phone is offline and when it is back online', async () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    render(<App />);
    expect(screen.getByTestId('net-status').textContent).toContain('Ngoại tuyến');
    onLine.mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    expect(await screen.findByText('Đang trực tuyến')).toBeTruthy();
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
