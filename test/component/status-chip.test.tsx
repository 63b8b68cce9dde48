import { render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { StatusChip } from '../../src/app/components/sync/StatusChip.tsx';
import { statusView } from '../../src/app/components/sync/status-view.ts';
import { setLanguage } from '../../src/app/i18n/i18n.ts';
import { LiveRegion } from '../../src/app/shell/announce.tsx';
import type { SyncSnapshot } from '../../src/data/sync/status-snapshot.ts';
import { pendingKey, setMeta } from '../../src/data/store/learn-db.ts';
import { freshAppStore } from './app-store.ts';

const base: SyncSnapshot = {
  online: true,
  syncing: false,
  enrolled: true,
  pending: 0,
  oldestPendingAt: null,
  held: 0,
  lastSyncAt: Date.UTC(2026, 10, 23, 7, 5),
  problem: null,
  storageError: null,
  unsaved: 0,
};
const chip = (s: Partial<SyncSnapshot>) => statusView({ ...base, ...s }).chip;

describe('the status chip', () => {
  it('names each state with a word the trainee can act on', () => {
    expect(chip({})).toBe('synced');
    expect(chip({ lastSyncAt: null })).toBe('online');
    expect(chip({ pending: 3 })).toBe('waiting');
    expect(chip({ online: false, pending: 3 })).toBe('offline');
    expect(chip({ enrolled: false, pending: 2 })).toBe('notEnrolled');
    expect(chip({ problem: { kind: 'revoked' }, enrolled: false })).toBe('revoked');
    expect(chip({ problem: { kind: 'refused', status: 400, code: 'validation_failed', retryAt: 0 }, pending: 1 })).toBe('refused');
    expect(chip({ storageError: { code: 'quota_exceeded', i18nKey: 'sync:storage.quota_exceeded' }, unsaved: 1 })).toBe('storage');
  });

  it('says the server cannot be reached only while something waits to reach it', () => {
    const unreachable = { kind: 'unreachable', retryAt: Date.now() + 60_000 } as const;
    expect(chip({ problem: unreachable, pending: 2 })).toBe('unreachable');
    expect(statusView({ ...base, problem: unreachable, pending: 2 }).line.key).toBe('retrying');
    // Nothing to send: the last sync still stands, and nothing alarms the trainee.
    expect(chip({ problem: unreachable, pending: 0 })).toBe('synced');
    expect(statusView({ ...base, problem: unreachable, pending: 0 }).line).toEqual({ key: 'synced', at: base.lastSyncAt });
  });

  it('does not flash "syncing" for a pull with nothing to push', () => {
    expect(chip({ syncing: true })).toBe('synced');
    expect(chip({ syncing: true, pending: 4 })).toBe('syncing');
  });

  it('never says "0 waiting", in either language', async () => {
    const store = freshAppStore('chip');
    render(<StatusChip />);
    const el = screen.getByTestId('status-chip');
    await waitFor(() => expect(el.getAttribute('data-kind')).toBe('notEnrolled'));
    expect(el.textContent).toBe('Chỉ trên máy');
    await setMeta(store.db, 'token', 'token-token-token-token-token');
    await waitFor(() => expect(el.getAttribute('data-kind')).toBe('online'));
    expect(el.textContent).toBe('Trực tuyến');
    await store.outbox.record({ type: 'section_read', lessonId: 'intro', payload: { sectionId: 's-1' } });
    await waitFor(() => expect(el.textContent).toBe('1 chờ gửi'));
    await setLanguage('en');
    await waitFor(() => expect(el.textContent).toBe('1 to send'));
    expect(el.textContent).not.toMatch(/\b0\b/);
  });

  it('announces trouble once, not at every retry', async () => {
    const store = freshAppStore('chip-retry');
    await setMeta(store.db, 'token', 'token-token-token-token-token');
    await store.outbox.record({ type: 'section_read', lessonId: 'intro', payload: { sectionId: 's-1' } });
    render(<><LiveRegion /><StatusChip /></>);
    const live = screen.getByTestId('live-region');
    await setMeta(store.db, 'syncProblem', { kind: 'unreachable', retryAt: Date.now() + 2000 });
    await waitFor(() => expect(live.textContent).toBe('Không kết nối được máy chủ. 1 thay đổi đang chờ; ứng dụng sẽ tự thử lại.'));
    const heard = live.textContent;
    // The next failed retries only move the retry time: nothing new is said.
    await setMeta(store.db, 'syncProblem', { kind: 'unreachable', retryAt: Date.now() + 4000 });
    const last = Date.now() + 8000;
    await setMeta(store.db, 'syncProblem', { kind: 'unreachable', retryAt: last });
    // The chip has drawn the last retry (the store it watches has it) and said nothing more.
    await waitFor(() => expect(store.status.get().problem).toEqual({ kind: 'unreachable', retryAt: last }));
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    expect(screen.getByTestId('status-chip').getAttribute('data-kind')).toBe('unreachable');
    expect(live.textContent).toBe(heard);
    expect(screen.getByTestId('status-chip').className).toContain('is-trouble');
  });
});

describe('the sync details', () => {
  it('say what the server refused and the phone keeps, without counting it as waiting', async () => {
    const { SyncDetails } = await import('../../src/app/components/sync/SyncDetails.tsx');
    const store = freshAppStore('held');
    await setMeta(store.db, 'token', 'token-token-token-token-token');
    await setMeta(store.db, 'lastSyncAt', Date.now());
    const event = await store.outbox.record({ type: 'section_read', lessonId: 'intro', payload: { sectionId: 's-1' } });
    await store.db.pending.delete(pendingKey(event));
    await store.db.held.put({ id: event.id, event, code: 'invalid_event', message: 'no such section', heldAt: Date.now() });
    render(<SyncDetails />);
    await waitFor(() => expect(screen.getByTestId('sync-held').textContent).toContain('1 thay đổi bị máy chủ từ chối nên được giữ lại trên máy'));
    expect(screen.queryByTestId('sync-pending')).toBeNull();
    expect(screen.queryByText('Mọi thay đổi đã lên máy chủ.')).toBeNull(); // not while one is held back
  });
});
