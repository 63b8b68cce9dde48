import { describe, expect, it, vi } from 'vitest';
import { fetchIfDue, keepCompletionRecord } from '../../src/data/completion/completion-keeper.ts';
import { fetchCompletion, shownCompletion } from '../../src/data/completion/fetch-completion.ts';
import { enrol } from '../../src/data/enrol.ts';
import type { LocalStore } from '../../src/data/local-store.ts';
import { getMeta } from '../../src/data/store/learn-db.ts';
import { SyncEngine } from '../../src/data/sync/engine.ts';
import { issueDeviceCode, issueEnrolment } from '../../src/server/services/enrolment-service.ts';
import { verifyCompletionRecord } from '../../src/shared/completion/verify-record.ts';
import { keySetSchema } from '../../src/shared/completion/public-keys.ts';
import { FINAL_ASSESSMENT_ID } from '../../src/shared/lesson.ts';
import { completionCatalogue } from '../server/completion-course.ts';
import { realServer } from './real-server.ts';
import { freshStore } from './test-store.ts';

const real = realServer({ catalogue: completionCatalogue });

/** The app's fetch, counting the completion requests it makes. */
function countingFetch() {
  const asked: string[] = [];
  const f: typeof fetch = (input, init) => {
    const url = String(input);
    if (url.includes('/api/v1/completion')) asked.push(url);
    return fetch(input, init);
  };
  return { fetch: f, asked };
}

/** Every step of the test course on one phone, as the app records them; the final attempt passes unless told. */
async function study(store: LocalStore, { finalPassed = true } = {}) {
  for (const lesson of completionCatalogue.lessons.filter((l) => l.id !== FINAL_ASSESSMENT_ID)) {
    for (const sectionId of lesson.sections) await store.outbox.record({ type: 'section_read', lessonId: lesson.id, payload: { sectionId } });
    if (lesson.questions.length) {
      await store.outbox.record({ type: 'quiz_answered', lessonId: lesson.id, payload: { answers: { [lesson.questions[0]!.id]: ['a'] }, score: 1, passed: true } });
    }
    await store.outbox.record({ type: 'lesson_completed', lessonId: lesson.id, payload: {} });
  }
  const score = finalPassed ? 0.9 : 0.5;
  await store.outbox.record({ type: 'quiz_answered', lessonId: FINAL_ASSESSMENT_ID, payload: { answers: { 'fq-1': ['a'], 'fq-2': ['a'] }, score, passed: finalPassed } });
}

async function enrolled(name = 'Đỗ Thị Thu Hà') {
  const issued = await issueEnrolment(real.repository, { name, unit: 'Sở TT&TT Thái Nguyên', now: new Date() });
  return issued;
}

describe('the completion record on the phone', () => {
  it('is fetched after the sync that completes the course and kept, ready to show offline', async () => {
    const store = freshStore();
    const { code, trainee } = await enrolled();
    await enrol(code, { store, baseUrl: real.server.url });
    const counted = countingFetch();
    const stop = keepCompletionRecord({ store, baseUrl: real.server.url, fetch: counted.fetch });
    const engine = new SyncEngine({ store, baseUrl: real.server.url });

    await store.outbox.record({ type: 'section_read', lessonId: 'digital-government', payload: { sectionId: 'why-now' } });
    await engine.syncNow();
    await study(store);
    await engine.syncNow();

    const kept = await vi.waitFor(async () => {
      const shown = await shownCompletion(store.db);
      expect(shown).not.toBeNull();
      return shown!;
    });
    expect(kept).toMatchObject({ traineeId: trainee.id, revokedAt: null, record: { name: 'Đỗ Thị Thu Hà', sub: trainee.id, final: 90 } });
    const keys = keySetSchema.parse(await (await fetch(`${real.server.url}/api/v1/keys`)).json()).keys;
    expect(await verifyCompletionRecord(kept.jws, keys, crypto.subtle)).toMatchObject({ verdict: 'valid', record: kept.record });
    // Asked once: not after the first sync (no final assessment passed yet), once after the second.
    expect(counted.asked).toHaveLength(1);
    engine.stop();
    stop();
  });

  it('is not asked for while the final assessment is not passed, and not again within a day once kept', async () => {
    const store = freshStore();
    const { code } = await enrolled();
    await enrol(code, { store, baseUrl: real.server.url });
    const counted = countingFetch();
    const transport = { fetch: counted.fetch, baseUrl: real.server.url };
    await study(store, { finalPassed: false });
    await new SyncEngine({ store, baseUrl: real.server.url }).syncNow();
    expect(await fetchIfDue(store, transport)).toBe('not_due');
    expect(counted.asked).toEqual([]);

    await store.outbox.record({ type: 'quiz_answered', lessonId: FINAL_ASSESSMENT_ID, payload: { answers: { 'fq-1': ['a'] }, score: 0.8, passed: true } });
    await new SyncEngine({ store, baseUrl: real.server.url }).syncNow();
    expect(await fetchIfDue(store, transport)).toMatchObject({ kind: 'kept' });
    expect(await fetchIfDue(store, transport)).toBe('not_due');
    expect(counted.asked).toHaveLength(1);
  });

  it('learns of a revocation when it asks again a day later, and keeps showing the record after the enrolment is revoked', async () => {
    const store = freshStore();
    const { code, trainee } = await enrolled();
    await enrol(code, { store, baseUrl: real.server.url });
    await study(store);
    await new SyncEngine({ store, baseUrl: real.server.url }).syncNow();
    const transport = { fetch, baseUrl: real.server.url };
    const first = await fetchIfDue(store, transport);
    expect(first).toMatchObject({ kind: 'kept', completion: { revokedAt: null } });

    const id = (await shownCompletion(store.db))!.id;
    await real.repository.certificates.revoke(id, 'test', new Date().toISOString());
    const dayLater = () => Date.now() + 25 * 60 * 60 * 1000;
    expect(await fetchIfDue(store, transport, dayLater)).toMatchObject({ kind: 'kept', completion: { id, revokedAt: expect.any(String) } });

    await real.repository.trainees.revokeTrainee(trainee.id, new Date().toISOString());
    await store.outbox.record({ type: 'note_saved', lessonId: 'digital-government', payload: { text: 'x' } });
    await new SyncEngine({ store, baseUrl: real.server.url }).syncNow();
    expect(await getMeta(store.db, 'token')).toBeUndefined();
    expect(await shownCompletion(store.db)).toMatchObject({ id, traineeId: trainee.id });
  });

  it("reaches the trainee's second device once it has pulled the completing events", async () => {
    const phone = freshStore('phone');
    const laptop = freshStore('laptop');
    const { code, trainee } = await enrolled();
    await enrol(code, { store: phone, baseUrl: real.server.url });
    await enrol((await issueDeviceCode(real.repository, { traineeId: trainee.id, now: new Date() }))!.code, { store: laptop, baseUrl: real.server.url });
    await study(phone);
    await new SyncEngine({ store: phone, baseUrl: real.server.url }).syncNow();
    await new SyncEngine({ store: laptop, baseUrl: real.server.url }).syncNow();
    const transport = { fetch, baseUrl: real.server.url };
    const [a, b] = [await fetchIfDue(phone, transport), await fetchIfDue(laptop, transport)];
    expect(a).toMatchObject({ kind: 'kept' });
    expect(b).toMatchObject({ kind: 'kept' });
    expect((await shownCompletion(laptop.db))!.jws).toBe((await shownCompletion(phone.db))!.jws);
  });

  it("keeps nothing from a reply that carries someone else's record, or that is not a record", async () => {
    const store = freshStore();
    const { code } = await enrolled();
    await enrol(code, { store, baseUrl: real.server.url });
    const other = freshStore('other');
    const { code: otherCode } = await enrolled('Người khác');
    await enrol(otherCode, { store: other, baseUrl: real.server.url });
    await study(other);
    await new SyncEngine({ store: other, baseUrl: real.server.url }).syncNow();
    const theirs = await fetchCompletion(other, { fetch, baseUrl: real.server.url });
    expect(theirs).toMatchObject({ kind: 'kept' });

    const reply = (body: unknown) => (async () => new Response(JSON.stringify(body), { status: 200 })) as typeof fetch;
    const jws = theirs.kind === 'kept' ? theirs.completion.jws : '';
    expect(await fetchCompletion(store, { fetch: reply({ record: jws, revokedAt: null }), baseUrl: '' })).toEqual({ kind: 'failed', failure: { kind: 'bad_reply' } });
    expect(await fetchCompletion(store, { fetch: reply({ record: 'a.b.c', revokedAt: null }), baseUrl: '' })).toEqual({ kind: 'failed', failure: { kind: 'bad_reply' } });
    expect(await store.db.completion.count()).toBe(0);
    expect(await fetchCompletion(store, { fetch, baseUrl: real.server.url })).toMatchObject({ kind: 'not_completed', missing: { finalAssessmentPassed: false } });
  });
});
