import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoriesOf } from '../../src/server/repositories/repositories.ts';
import { formatHlc, parseHlc } from '../../src/shared/hlc.ts';
import { foldEvents } from '../../src/shared/merge-progress.ts';
import { syncResponseSchema } from '../../src/shared/sync-api.ts';
import { enrolTwoDevices, event, rowCounts } from './sync-client.ts';
import { startTestServer, testDatabases, type TestServer } from './test-server.ts';

const DAY = 24 * 60 * 60 * 1000;

describe.each(testDatabases)('a phone clock far ahead, on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server.close());

  it('stores and acknowledges its events under clamped stamps it names in restamped, which the other device pulls', async () => {
    const [phone, laptop] = await enrolTwoDevices(server);
    const ahead = event(phone, 'note_saved', { text: 'Đồng hồ chạy nhanh hai ngày' }, { at: formatHlc(Date.now() + 2 * DAY, 0) });
    const slightly = event(phone, 'lesson_completed', {}, { at: formatHlc(Date.now() + DAY - 60_000, 0) });
    const before = await rowCounts(server);
    const reply = syncResponseSchema.parse((await phone.sync({ events: [ahead, slightly] })).body);
    expect(reply.accepted).toEqual([ahead.id, slightly.id]);
    expect(reply.restamped).toEqual([{ id: ahead.id, at: expect.any(String) }]);
    // At the server's clock when it answered, not two days ahead.
    expect(Math.abs(parseHlc(reply.restamped[0]!.at).wall - reply.serverTime)).toBeLessThan(DAY);
    expect((await rowCounts(server)).events).toBe(before.events + 2);
    const pulled = syncResponseSchema.parse((await laptop.sync({})).body).events;
    expect(pulled).toEqual([{ ...ahead, at: reply.restamped[0]!.at }, slightly]);
  });

  it("keeps the order of a batch's clamped events and never stamps one below what the device has stored", async () => {
    const [phone] = await enrolTwoDevices(server);
    const stored = event(phone, 'section_read', { sectionId: 'why-now' }, { at: formatHlc(Date.now() + DAY - 60_000, 3) });
    await phone.sync({ events: [stored] });
    const later = event(phone, 'section_read', { sectionId: 'roadmap' }, { at: formatHlc(Date.now() + 3 * DAY, 0) });
    const earlier = event(phone, 'note_saved', { text: 'trước' }, { at: formatHlc(Date.now() + 2 * DAY, 0) });
    const reply = syncResponseSchema.parse((await phone.sync({ events: [later, earlier] })).body);
    const restamp = new Map(reply.restamped.map((r) => [r.id, r.at]));
    expect(restamp.get(earlier.id)! > stored.at).toBe(true);
    expect(restamp.get(later.id)! > restamp.get(earlier.id)!).toBe(true);
  });

  it('acknowledges a resend of a clamped event with the same restamp, not as a conflict', async () => {
    const [phone] = await enrolTwoDevices(server);
    const ahead = event(phone, 'note_saved', { text: 'gửi lại' }, { at: formatHlc(Date.now() + 5 * DAY, 0) });
    const first = syncResponseSchema.parse((await phone.sync({ events: [ahead] })).body);
    const again = syncResponseSchema.parse((await phone.sync({ events: [ahead] })).body);
    expect(again.accepted).toEqual([ahead.id]);
    expect(again.refused).toEqual([]);
    expect(again.restamped).toEqual(first.restamped);
  });

  it("lets another device's later edit win over a note saved with a clock two days ahead", async () => {
    const [phone, laptop] = await enrolTwoDevices(server);
    const fast = event(phone, 'note_saved', { text: 'từ điện thoại chạy nhanh' }, { at: formatHlc(Date.now() + 2 * DAY, 0) });
    await phone.sync({ events: [fast] });
    const edit = event(laptop, 'note_saved', { text: 'sửa sau trên máy tính' }, { at: formatHlc(Date.now() + 1000, 0) });
    await laptop.sync({ events: [edit] });
    const progress = foldEvents(await repositoriesOf(server.database).events.eventsOf(phone.trainee.id));
    expect(progress['digital-government']!.note).toBe('sửa sau trên máy tính');
  });
});
