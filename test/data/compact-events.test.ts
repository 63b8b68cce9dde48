import { describe, expect, it } from 'vitest';
import { enrol } from '../../src/data/enrol.ts';
import type { LocalStore } from '../../src/data/local-store.ts';
import { COMPACT_EVERY } from '../../src/data/store/compact-events.ts';
import { getMeta } from '../../src/data/store/learn-db.ts';
import { SyncEngine } from '../../src/data/sync/engine.ts';
import { foldEvents } from '../../src/shared/merge-progress.ts';
import { issueDeviceCode, issueEnrolment } from '../../src/server/services/enrolment-service.ts';
import { realServer } from './real-server.ts';
import { freshStore, memoryStorage } from './test-store.ts';

const real = realServer();

const lessonId = 'digital-government';
const sections = ['what-is-it', 'why-now', 'how'];

/** `n` steps as a year of reading makes them: sections read again and again, notes and bookmarks rewritten, some quiz attempts. */
async function study(store: LocalStore, n: number, from = 0) {
  for (let i = from; i < from + n; i++) {
    const sectionId = sections[i % sections.length]!;
    const kind = i % 10;
    if (kind < 6) await store.outbox.record({ type: 'section_read', lessonId, payload: { sectionId } });
    else if (kind === 6) await store.outbox.record({ type: i % 4 ? 'bookmark_set' : 'bookmark_cleared', lessonId, payload: { sectionId } });
    else if (kind === 7) await store.outbox.record({ type: 'quiz_answered', lessonId, payload: { answers: { q1: ['a'] }, score: (i % 5) / 4, passed: i % 5 === 4 } });
    else await store.outbox.record({ type: 'note_saved', lessonId, payload: { text: `Ghi chú ${i}` } });
  }
}

const progressOf = (store: LocalStore) => store.db.progress.toArray();

describe('compacting the phone’s events', () => {
  it('after a sync, forgets the events the server holds that change no progress; the progress, the server and a second device are unchanged', async () => {
    const { trainee, code } = await issueEnrolment(real.repository, { name: 'Phạm Thị Dung', unit: 'Sở KH&CN Huế', now: new Date() });
    const phone = freshStore('phone');
    await enrol(code, { store: phone, baseUrl: real.server.url });
    const engine = new SyncEngine({ store: phone, baseUrl: real.server.url });
    const steps = COMPACT_EVERY + 100;
    await study(phone, steps);
    const before = await progressOf(phone);
    expect(await engine.syncNow()).toMatchObject({ kind: 'synced', pushed: steps });
    // The engine started it after the sync; compact() joins that run (or finds nothing due after it).
    await phone.compact();
    const left = await phone.db.events.toArray();
    // One read per section, the winning note and bookmarks, every attempt (a tenth of the steps).
    expect(left.length).toBe(sections.length + 1 + sections.length + steps / 10);
    expect(await progressOf(phone)).toStrictEqual(before);
    expect(Object.values(foldEvents(left))).toStrictEqual(before);
    expect(await getMeta(phone.db, 'compactedCount')).toBe(left.length);
    expect(await real.repository.events.eventsOf(trainee.id)).toHaveLength(steps); // the server keeps every event

    // More study and a sync: the progress still comes out as the server's fold does on a second device.
    await study(phone, 30, steps);
    await engine.syncNow();
    const laptop = freshStore('laptop');
    await enrol((await issueDeviceCode(real.repository, { traineeId: trainee.id, now: new Date() }))!.code, { store: laptop, baseUrl: real.server.url });
    await new SyncEngine({ store: laptop, baseUrl: real.server.url }).syncNow();
    expect(await progressOf(laptop)).toStrictEqual(await progressOf(phone));
    // Not due again until COMPACT_EVERY more events have come.
    expect(await phone.compact()).toBe(0);
  }, 60_000);

  it('keeps every event the server does not hold yet, and waits while events wait to be stored', async () => {
    const offline = freshStore('offline');
    await study(offline, COMPACT_EVERY + 10);
    expect(await offline.compact()).toBe(0); // all of them still in the outbox
    expect(await offline.db.events.count()).toBe(COMPACT_EVERY + 10);

    const kv = memoryStorage();
    const phone = freshStore('waiting', { storage: kv });
    const { code } = await issueEnrolment(real.repository, { name: 'Vũ Minh', unit: 'Bộ KH&CN', now: new Date() });
    await enrol(code, { store: phone, baseUrl: real.server.url });
    await study(phone, COMPACT_EVERY + 10);
    // A step another tab could not store yet: it may be retried under the id of a stored event.
    kv.setItem(`egov-learn.unsaved.${phone.db.name}.othertab`, JSON.stringify([{ id: crypto.randomUUID(), takenAt: Date.now(), input: {} }]));
    expect(await new SyncEngine({ store: phone, baseUrl: real.server.url }).syncNow()).toMatchObject({ kind: 'synced' });
    expect(await phone.compact()).toBe(0);
    expect(await phone.db.events.count()).toBe(COMPACT_EVERY + 10);
  }, 60_000);
});
