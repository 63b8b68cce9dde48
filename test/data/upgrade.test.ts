import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { getMeta, LearnDb } from '../../src/data/store/learn-db.ts';
import { defineSchema, LATEST_VERSION, SCHEMA_VERSIONS } from '../../src/data/store/schema.ts';
import { learnerEventSchema, type LearnerEvent } from '../../src/shared/events.ts';
import { formatHlc } from '../../src/shared/hlc.ts';
import { foldEvents } from '../../src/shared/merge-progress.ts';

const name = `egov-learn-upgrade-${process.pid}`;

const event = (n: number, synced: 0 | 1, body: object): LearnerEvent & { synced: 0 | 1 } => ({
  ...learnerEventSchema.parse({
    id: `0000000${n}-0000-4000-8000-000000000000`,
    deviceId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
    lessonId: 'intro',
    at: formatHlc(1_700_000_000_000 + (10 - n), 0), // ids and stamps in opposite orders
    ...body,
  }),
  synced,
});

describe('database upgrades', () => {
  it('each shipped version has a number above the last', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(SCHEMA_VERSIONS.map((_, i) => i + 1));
  });

  it('opening a version 1 database with the latest code keeps every event, setting and progress', async () => {
    const v1 = new Dexie(name);
    defineSchema(v1, 1);
    const events = [
      event(1, 1, { type: 'section_read', payload: { sectionId: 's-1' } }),
      event(2, 0, { type: 'quiz_answered', payload: { answers: { q1: ['a'] }, score: 0.75, passed: true } }),
      event(3, 0, { type: 'note_saved', payload: { text: 'ghi chú cũ' } }),
      event(4, 0, { type: 'bookmark_set', payload: { sectionId: 's-2' } }),
    ];
    await v1.table('events').bulkAdd(events);
    // A row as version 1's rules wrote it: no LWW clocks yet.
    await v1.table('progress').put({
      lessonId: 'intro', sectionsRead: ['s-1'], completed: false, bookmarks: ['s-2'], note: 'ghi chú cũ',
      attempts: [{ eventId: events[1]!.id, score: 0.75, passed: true, at: events[1]!.at }], bestScore: 0.75,
    });
    await v1.table('meta').bulkPut([
      { key: 'deviceId', value: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa' },
      { key: 'token', value: 'a-token-of-twenty-two-chars' },
      { key: 'cursor', value: 42 },
    ]);
    v1.close();

    const db = new LearnDb(name);
    try {
      await db.open();
      expect(db.verno).toBe(LATEST_VERSION);
      // Every event, without version 2's `synced` flag: the outbox says what waits now.
      expect(await db.events.orderBy('id').toArray()).toEqual(events.map(({ synced: _, ...e }) => e));
      expect(await getMeta(db, 'deviceId')).toBe('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa');
      expect(await getMeta(db, 'token')).toBe('a-token-of-twenty-two-chars');
      expect(await getMeta(db, 'cursor')).toBe(42);
      // The outbox: the unsynced events, oldest first.
      const outbox = await db.pending.orderBy(':id').toArray();
      expect(outbox.map((e) => e.id)).toEqual([events[3]!.id, events[2]!.id, events[1]!.id]);
      // The rebuilt row is the fold of the events, clocks included, so later LWW merges work.
      expect(await db.progress.get('intro')).toEqual(foldEvents(events).intro);
      expect((await db.progress.get('intro'))?.clocks.note?.eventId).toBe(events[2]!.id);
    } finally {
      await db.delete();
    }
  });

  it('opening a version 3 database moves its outbox to the store keyed by stamp, oldest first', async () => {
    const v3 = new Dexie(`${name}-v3`);
    defineSchema(v3, 3);
    const waiting = [4, 2, 3].map((n) => event(n, 0, { type: 'section_read', payload: { sectionId: `s-${n}` } })).map(({ synced: _, ...e }) => e);
    await v3.table('events').bulkAdd(waiting);
    await v3.table('outbox').bulkAdd(waiting);
    v3.close();

    const db = new LearnDb(`${name}-v3`);
    try {
      await db.open();
      expect(db.verno).toBe(LATEST_VERSION);
      expect(db.tables.map((t) => t.name)).not.toContain('outbox');
      expect((await db.pending.toArray()).map((e) => e.id)).toEqual([waiting[0]!.id, waiting[2]!.id, waiting[1]!.id]);
      expect(await db.pending.toArray()).toEqual([...waiting].sort((a, b) => (a.at < b.at ? -1 : 1)));
    } finally {
      await db.delete();
    }
  });
});
