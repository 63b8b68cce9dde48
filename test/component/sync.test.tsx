import { fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EnrolForm } from '../../src/app/components/sync/EnrolForm.tsx';
import { StatusChip } from '../../src/app/components/sync/StatusChip.tsx';
import { SyncStatus } from '../../src/app/components/sync/SyncStatus.tsx';
import { UrgentStatus } from '../../src/app/components/sync/UrgentStatus.tsx';
import { LiveRegion } from '../../src/app/shell/announce.tsx';
import { setLanguage } from '../../src/app/i18n/i18n.ts';
import type { LocalStore } from '../../src/data/local-store.ts';
import { setMeta, type LearnDb } from '../../src/data/store/learn-db.ts';
import { markSectionRead } from '../../src/data/verbs.ts';
import { quotaExceeded, refuseWrites } from '../data/refuse-writes.ts';
import { freshAppStore } from './app-store.ts';

let store: LocalStore;
let db: LearnDb;
beforeEach(() => {
  store = freshAppStore('sync');
  db = store.db;
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

const status = () => screen.getByTestId('sync-status');
const read = () => store.outbox.record({ type: 'section_read', lessonId: 'intro', payload: { sectionId: 's-1' } });
const enrolled = () => setMeta(db, 'token', 'token-token-token-token-token');

describe('SyncStatus', () => {
  it('asks for enrolment while progress is only on this phone', async () => {
    await read();
    await read();
    render(<SyncStatus />);
    await vi.waitFor(() => expect(status().textContent).toContain('Chỉ lưu trên máy này: hãy ghi danh để đồng bộ (2 thay đổi đang chờ)'));
    expect(screen.getByRole('link', { name: 'Nhập mã ghi danh' }).getAttribute('href')).toBe('/enrol');
  });

  it('counts the changes waiting and shows the time of the last sync, in both languages', async () => {
    await enrolled();
    await read();
    render(<SyncStatus />);
    await vi.waitFor(() => expect(status().textContent).toBe('Số thay đổi đang chờ đồng bộ: 1'));
    await db.pending.clear(); // the server took them
    await setMeta(db, 'lastSyncAt', new Date(2026, 10, 23, 14, 5).getTime());
    await vi.waitFor(() => expect(status().textContent).toBe('Đã đồng bộ lúc 14:05'));
    await setLanguage('en');
    await vi.waitFor(() => expect(status().textContent).toBe('Synced at 14:05'));
  });

  it('announces a revoked enrolment, with the changes it keeps', async () => {
    await setMeta(db, 'syncProblem', { kind: 'revoked' });
    const { unmount } = render(<UrgentStatus />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Ghi danh đã bị thu hồi: hãy ghi danh lại bằng mã mới');
    unmount();

    await read();
    await read();
    render(<UrgentStatus />);
    await vi.waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('2 thay đổi vẫn được giữ trên máy và sẽ đồng bộ sau khi ghi danh lại bằng mã mới'),
    );
    expect(screen.getByRole('link', { name: 'Nhập mã ghi danh' }).getAttribute('href')).toBe('/enrol');
  });

  it("shows a refusal with the server's reason, and announces it once", async () => {
    await enrolled();
    await read();
    await setMeta(db, 'syncProblem', { kind: 'refused', status: 400, code: 'validation_failed', retryAt: Date.now() });
    render(<><LiveRegion /><StatusChip /><SyncStatus /></>);
    await vi.waitFor(() =>
      expect(status().textContent).toBe('Máy chủ từ chối thay đổi: một số dữ liệu không qua được kiểm tra của máy chủ (1 đang chờ)'),
    );
    await vi.waitFor(() => expect(screen.getByTestId('live-region').textContent).toBe('Máy chủ từ chối một số thay đổi. Xem chi tiết trong mục Đồng bộ.'));
  });

  it('says when the phone is full, keeps the step, and saves it on "Try again", in both languages', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const spaceFreed = refuseWrites('events', quotaExceeded);
    render(<UrgentStatus />);
    await markSectionRead('intro', 's-1');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Bộ nhớ của máy đã đầy nên các bước học gần đây chưa được lưu (1 bước đang chờ)');
    await setLanguage('en');
    await vi.waitFor(() => expect(screen.getByRole('alert').textContent).toContain("The phone's storage is full"));
    expect(screen.getByRole('alert').textContent).toContain('(1 waiting)');

    spaceFreed(); // the trainee freed some space
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await vi.waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect((await db.events.toArray()).map((e) => e.payload)).toEqual([{ sectionId: 's-1' }]);
  });

  it('says offline changes will sync later', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    await enrolled();
    await read();
    render(<SyncStatus />);
    window.dispatchEvent(new Event('offline'));
    await vi.waitFor(() => expect(status().textContent).toBe('Ngoại tuyến: 1 thay đổi sẽ đồng bộ khi có mạng'));
  });
});

describe('EnrolForm', () => {
  const type = (code: string) => fireEvent.input(screen.getByLabelText('Mã ghi danh'), { target: { value: code } });

  it('waits for a connection instead of failing, and says why', () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    render(<EnrolForm />);
    const button = screen.getByRole('button', { name: 'Đang chờ kết nối mạng' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(screen.getByTestId('enrol-offline').textContent).toContain('Ghi danh cần có mạng một lần');
  });

  it('explains a refused code in the chosen language', async () => {
    const fetchSpy = vi.fn(async () =>
      Response.json({ error: { code: 'unauthorized', message: 'The enrolment code is unknown or has been used' } }, { status: 401 }),
    );
    vi.stubGlobal('fetch', fetchSpy);
    render(<EnrolForm />);
    type('abcd-efgh-jk');
    fireEvent.click(screen.getByRole('button', { name: 'Xác nhận ghi danh' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Mã này không hợp lệ, đã được dùng hoặc đã bị thu hồi. Hãy xin văn phòng chương trình mã mới.',
    );
    await vi.waitFor(() => expect(document.activeElement).toBe(screen.getByRole('alert'))); // focus moves to the error
    expect(JSON.parse((fetchSpy.mock.calls[0] as unknown as [string, RequestInit])[1].body as string)).toMatchObject({ code: 'ABCDEFGHJK' });
    await setLanguage('en');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This code is not valid, was already used or was revoked. Ask the programme office for a new one.',
    );
  });

  it('refuses a code of the wrong shape without a request', async () => {
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    render(<EnrolForm />);
    type('12');
    fireEvent.click(screen.getByRole('button', { name: 'Xác nhận ghi danh' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Mã ghi danh gồm 8 đến 12 chữ cái và chữ số');
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('shows who the phone is enrolled for once the code is accepted', async () => {
    vi.stubGlobal('fetch', async () =>
      Response.json({ token: 't'.repeat(43), trainee: { id: 'tr-1', name: 'Phạm Thu Hà', unit: 'Sở TT&TT Huế' } }, { status: 201 }),
    );
    render(<EnrolForm />);
    type('ABCD2345');
    fireEvent.click(screen.getByRole('button', { name: 'Xác nhận ghi danh' }));
    const enrolledNote = await screen.findByTestId('enrolled');
    expect(enrolledNote.querySelector('p')?.textContent).toBe('Thiết bị này đã được ghi danh cho Phạm Thu Hà (Sở TT&TT Huế).');
    // The first enrolment is when the app asks to keep its data, saying why.
    expect(enrolledNote.textContent).toContain('ứng dụng xin trình duyệt giữ dữ liệu học trên máy');
  });
});
