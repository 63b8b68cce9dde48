import { describe, expect, it } from 'vitest';
import { getMeta } from '../../src/data/store/learn-db.ts';
import { setCourse } from '../../src/data/store/progress-rows.ts';
import { applySyncReply } from '../../src/data/sync/apply-reply.ts';
import { formatHlc } from '../../src/shared/hlc.ts';
import { freshStore } from './test-store.ts';

const before = { version: 'v1', lessons: [{ id: 'data-sharing' }] };
// The update renamed the lesson and one of its sections.
const after = { version: 'v2', lessons: [{ id: 'sharing-data', formerIds: ['data-sharing'], formerSectionIds: { intro: 'basics' } }] };

describe('progress when the course renames a lesson or a section', () => {
  it('counts what was recorded against the old ids under the new ones once the phone has the update', async () => {
    const store = freshStore();
    await setCourse(store.db, before);
    await store.outbox.record({ type: 'section_read', lessonId: 'data-sharing', payload: { sectionId: 'intro' } });
    await store.outbox.record({ type: 'bookmark_set', lessonId: 'data-sharing', payload: { sectionId: 'platforms' } });
    expect((await store.db.progress.get('data-sharing'))?.sectionsRead).toEqual(['intro']);

    await setCourse(store.db, after);
    expect(await store.db.progress.get('data-sharing')).toBeUndefined();
    expect(await store.db.progress.get('sharing-data')).toMatchObject({ lessonId: 'sharing-data', sectionsRead: ['basics'], bookmarks: ['platforms'] });
    expect(await getMeta(store.db, 'courseVersion')).toBe('v2');
    // The events themselves keep the ids they were recorded with: the server maps them the same way.
    expect((await store.db.pending.toArray()).map((e) => e.lessonId)).toEqual(['data-sharing', 'data-sharing']);
  });

  it('folds new and pulled events against old ids into the renamed lesson', async () => {
    const store = freshStore();
    await setCourse(store.db, after);
    await store.outbox.record({ type: 'section_read', lessonId: 'data-sharing', payload: { sectionId: 'intro' } });
    const fromAnOldPhone = {
      id: crypto.randomUUID(), deviceId: crypto.randomUUID(), lessonId: 'data-sharing', type: 'section_read' as const,
      at: formatHlc(Date.now(), 0), payload: { sectionId: 'platforms' },
    };
    await applySyncReply(store.db, { accepted: [], refused: [], restamped: [], events: [fromAnOldPhone], cursor: 1, more: false, serverTime: Date.now() });
    expect((await store.db.progress.get('sharing-data'))?.sectionsRead).toEqual(['basics', 'platforms']);
    expect(await store.db.progress.count()).toBe(1);
  });

  it('folds the rows again only when the course version changes', async () => {
    const store = freshStore();
    await setCourse(store.db, after);
    expect(await getMeta(store.db, 'courseVersion')).toBeUndefined(); // no events: nothing to fold, nothing written
    await store.outbox.record({ type: 'note_saved', lessonId: 'sharing-data', payload: { text: 'giữ nguyên' } });
    await setCourse(store.db, after);
    expect(await getMeta(store.db, 'courseVersion')).toBe('v2');
    const row = await store.db.progress.get('sharing-data');
    await store.db.progress.put({ ...row!, note: 'a row the fold would not give' });
    await setCourse(store.db, after);
    expect((await store.db.progress.get('sharing-data'))?.note).toBe('a row the fold would not give');
  });
});
