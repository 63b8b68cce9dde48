import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/shared/csv.ts';
import type { Enrolled } from '../../src/shared/office-api.ts';
import type { OfficeCourse } from '../../src/shared/office-course.ts';
import { type SignedIn, signedInOfficer } from './office-client.ts';
import { call, type Device, enrolDevice, event, sectionReads } from './sync-client.ts';
import { testCatalogue } from './test-catalogue.ts';
import { testOfficeCourse } from './test-office-course.ts';
import { startTestServer, testDatabases, type TestServer } from './test-server.ts';

const DAY = 24 * 60 * 60 * 1000;
const final = { id: 'final-assessment', sections: [], questions: [{ id: 'fa-1', options: ['a', 'b'] }] };
const catalogue = { lessons: [...testCatalogue.lessons, final] };
const officeCourse: OfficeCourse = {
  lessons: [
    ...testOfficeCourse.lessons,
    { id: 'final-assessment', title: { vi: 'Bài kiểm tra cuối khóa', en: 'Final assessment' }, sections: 0, questions: [{ id: 'fa-1', prompt: { vi: 'Câu cuối', en: 'Last question' }, options: [{ id: 'a', vi: 'Đúng', en: 'Right' }, { id: 'b', vi: 'Sai', en: 'Wrong' }], correct: ['a'] }] },
  ],
};
const DN = 'Sở Khoa học và Công nghệ Đà Nẵng';
const MOHA = 'Bộ Nội vụ – Trung tâm Công nghệ thông tin';

describe.each(testDatabases)('the dashboard on $name', (database) => {
  let server: TestServer;
  let office: SignedIn;
  const clock = { now: Date.now() };
  let cohort: string;
  const people: Record<'an' | 'binh' | 'chi', { enrolled: Enrolled; phone: Device }> = {} as never;
  const enrol = async (name: string, unit: string, placeId: string, cohortIds: string[]) => {
    const reply = await office.call('POST', '/trainees', { body: { name, unit, placeId, cohortIds } });
    expect(reply.status).toBe(201);
    const enrolled = reply.body as Enrolled;
    return { enrolled, phone: await enrolDevice(server, enrolled.code) };
  };
  const get = async (path: string) => (await office.call('GET', path)).body;

  beforeAll(async () => {
    server = await startTestServer(database, { catalogue, officeCourse, now: () => clock.now });
    office = await signedInOfficer(server, null, clock.now);
    cohort = (await office.call('POST', '/cohorts', { body: { name: 'Khóa chuyên gia quý I/2026', startsOn: '2026-01-05', endsOn: '2026-03-31' } })).body.id;
    people.an = await enrol('Nguyễn Thị Ánh', DN, 'da-nang', [cohort]);
    people.binh = await enrol('Trần Văn Bình', DN, 'da-nang', []);
    people.chi = await enrol('Lê Thị Chi', MOHA, 'bo-noi-vu', [cohort]);
    const { an, binh, chi } = people;
    await an.phone.sync({
      events: [
        ...sectionReads(an.phone, 3),
        event(an.phone, 'quiz_answered', { answers: { 'q-goal': ['b'], 'q-law': ['a'] }, score: 1, passed: true }),
        event(an.phone, 'lesson_completed', {}),
        event(an.phone, 'section_read', { sectionId: 'intro' }, { lessonId: 'data-sharing' }),
        event(an.phone, 'section_read', { sectionId: 'platforms' }, { lessonId: 'data-sharing' }),
        event(an.phone, 'lesson_completed', {}, { lessonId: 'data-sharing' }),
        event(an.phone, 'quiz_answered', { answers: { 'fa-1': ['a'] }, score: 1, passed: true }, { lessonId: 'final-assessment' }),
      ],
    });
    await binh.phone.sync({ events: [...sectionReads(binh.phone, 1), event(binh.phone, 'quiz_answered', { answers: { 'q-goal': ['c'], 'q-law': ['a'] }, score: 0.5, passed: false })] });
    await chi.phone.sync({ events: [event(chi.phone, 'quiz_answered', { answers: { 'q-goal': ['c'], 'q-law': ['b'] }, score: 0, passed: false })] });
  });
  afterAll(() => server.close());

  it('gives the overview: enrolled, active in the last 7 days, completed, certificates, devices not synced', async () => {
    expect(await get('/overview')).toEqual({ enrolled: 3, activeLast7Days: 3, completed: 1, certificates: 0, devicesNotSynced7Days: 0 });
  });

  it('filters every view by province and by cohort', async () => {
    expect(await get('/overview?place=da-nang')).toMatchObject({ enrolled: 2, completed: 1 });
    expect(await get(`/overview?cohort=${cohort}`)).toMatchObject({ enrolled: 2, completed: 1 });
    expect(await get(`/overview?cohort=${cohort}&place=bo-noi-vu`)).toMatchObject({ enrolled: 1, completed: 0 });
    expect((await get(`/trainees?cohort=${cohort}`)).rows.map((t: { name: string }) => t.name)).toEqual(['Lê Thị Chi', 'Nguyễn Thị Ánh']);
    expect((await get('/funnel?place=bo-noi-vu'))[0]).toMatchObject({ opened: 1, allSectionsRead: 0 });
    expect((await get(`/questions?cohort=${cohort}`))[0]).toMatchObject({ questionId: 'q-goal', firstAttempts: 2, rightFirstTime: 0.5 });
    expect((await get('/cohorts')).map((c: { trainees: number }) => c.trainees)).toEqual([2]);
  });

  it('groups by unit and by province: trainees, completion rate, average score, last activity', async () => {
    const units = await get('/groups/unit');
    expect(units).toHaveLength(2);
    expect(units.find((g: { key: string }) => g.key === DN)).toEqual({ key: DN, trainees: 2, completionRate: 0.5, averageScore: 2.5 / 3, lastActivityAt: expect.stringMatching(/^\d{4}-/) });
    expect(units.find((g: { key: string }) => g.key === MOHA)).toMatchObject({ trainees: 1, completionRate: 0, averageScore: 0 });
    expect((await get('/groups/place')).map((g: { key: string; trainees: number }) => [g.key, g.trainees]).sort()).toEqual([['bo-noi-vu', 1], ['da-nang', 2]]);
  });

  it('shows the lesson funnel in course order: opened, all sections read, quiz passed', async () => {
    expect(await get('/funnel')).toEqual([
      { lessonId: 'digital-government', title: { vi: 'Chính phủ số', en: 'Digital government' }, opened: 3, allSectionsRead: 1, quizPassed: 1 },
      { lessonId: 'data-sharing', title: { vi: 'Chia sẻ dữ liệu', en: 'Data sharing' }, opened: 1, allSectionsRead: 1, quizPassed: 0 },
      { lessonId: 'final-assessment', title: { vi: 'Bài kiểm tra cuối khóa', en: 'Final assessment' }, opened: 1, allSectionsRead: 1, quizPassed: 1 },
    ]);
  });

  it('lists difficult questions hardest first, with the share right first time and the most chosen wrong option in both languages', async () => {
    const rows = await get('/questions');
    expect(rows.map((q: { questionId: string }) => q.questionId)).toEqual(['q-goal', 'q-law', 'fa-1']);
    expect(rows[0]).toEqual({
      lessonId: 'digital-government',
      questionId: 'q-goal',
      lessonTitle: { vi: 'Chính phủ số', en: 'Digital government' },
      prompt: { vi: 'Mục tiêu của Chính phủ số là gì?', en: 'What is the goal of digital government?' },
      firstAttempts: 3,
      rightFirstTime: 1 / 3,
      mostChosenWrong: { optionId: 'c', text: { vi: 'Giảm số cán bộ', en: 'Fewer officials' }, count: 2 },
    });
    expect(rows[2]).toMatchObject({ rightFirstTime: 1, mostChosenWrong: null });
  });

  it('exports each table as CSV in UTF-8 with a BOM: Vietnamese intact, numbers right', async () => {
    const trainees = await office.call('GET', '/export/trainees.csv');
    expect(trainees.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(trainees.headers.get('content-disposition')).toMatch(/^attachment; filename="egov-learn-trainees-\d{4}-\d\d-\d\d\.csv"$/);
    // fetch's text() drops a BOM, so look at the bytes.
    const raw = await fetch(`${server.url}/api/v1/office/export/trainees.csv`, { headers: { cookie: office.cookie } });
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parseCsv(trainees.text).map((r) => r.fields);
    expect(header!.slice(0, 5)).toEqual(['Mã học viên', 'Họ và tên', 'Đơn vị', 'Tỉnh, thành phố hoặc bộ', 'Số bài đã hoàn thành']);
    expect(rows.map((r) => [r[1], r[2], r[3], r[4], r[5]])).toEqual([
      ['Lê Thị Chi', MOHA, 'Bộ Nội vụ', '0', 'không'],
      ['Nguyễn Thị Ánh', DN, 'Đà Nẵng', '2', 'có'],
      ['Trần Văn Bình', DN, 'Đà Nẵng', '0', 'không'],
    ]);
    const units = parseCsv((await office.call('GET', '/export/units.csv?lang=en')).text).map((r) => r.fields);
    expect(units[0]).toEqual(['Unit', 'Trainees', 'Completion rate (%)', 'Average score (%)', 'Last activity (UTC+7)']);
    expect(units.slice(1).map((r) => r.slice(0, 4))).toEqual([[DN, '2', '50', '83.3'], [MOHA, '1', '0', '0']]);
    const questions = parseCsv((await office.call('GET', '/export/questions.csv')).text).map((r) => r.fields);
    expect(questions[1]).toEqual(['Chính phủ số', 'Mục tiêu của Chính phủ số là gì?', '3', '33.3', 'Giảm số cán bộ', '2']);
    expect(parseCsv((await office.call('GET', '/export/funnel.csv')).text)[1]!.fields).toEqual(['Chính phủ số', '3', '1', '1']);
    expect(parseCsv((await office.call('GET', '/export/places.csv')).text).map((r) => r.fields[0])).toEqual(['Tỉnh, thành phố hoặc bộ', 'Đà Nẵng', 'Bộ Nội vụ']);
  });

  it('shows a trainee: lessons, devices with last sync, cohorts, a note count; revokes a device and issues a code for a new one', async () => {
    const { an } = people;
    const page = await get(`/trainees/${an.enrolled.trainee.id}`);
    expect(page.trainee).toMatchObject({ name: 'Nguyễn Thị Ánh', unit: DN, placeId: 'da-nang', lessonsCompleted: 2, courseCompleted: true });
    expect(page.cohorts).toEqual([{ id: cohort, name: 'Khóa chuyên gia quý I/2026' }]);
    expect(page.lessons.map((l: { lessonId: string }) => l.lessonId)).toEqual(['digital-government', 'data-sharing', 'final-assessment']);
    expect(page.devices).toEqual([{ deviceId: an.phone.deviceId, enrolledAt: expect.any(String), lastSyncAt: expect.any(String), revokedAt: null }]);
    expect(page.notes).toBe(0);

    const issued = await office.call('POST', `/trainees/${an.enrolled.trainee.id}/codes`, { body: {} });
    expect(issued.status).toBe(201);
    const tablet = await enrolDevice(server, issued.body.code);
    expect(tablet.trainee.id).toBe(an.enrolled.trainee.id);
    expect((await office.call('POST', `/trainees/${an.enrolled.trainee.id}/devices/${an.phone.deviceId}/revoke`, { body: {} })).status).toBe(204);
    expect((await an.phone.sync({})).status).toBe(401);
    expect((await tablet.sync({})).status).toBe(200);
    const devices = (await get(`/trainees/${an.enrolled.trainee.id}`)).devices;
    expect(devices.find((d: { deviceId: string }) => d.deviceId === an.phone.deviceId).revokedAt).not.toBeNull();
  });

  it('gives an existing trainee a province and cohorts', async () => {
    const old = await enrolDevice(server); // enrolled before the office existed: a unit, no province
    expect((await get(`/trainees/${old.trainee.id}`)).trainee.placeId).toBeNull();
    const changed = await office.call('PATCH', `/trainees/${old.trainee.id}`, { body: { placeId: 'ha-noi', cohortIds: [cohort] } });
    expect(changed.status).toBe(200);
    expect(changed.body.trainee.placeId).toBe('ha-noi');
    expect(changed.body.cohorts.map((c: { id: string }) => c.id)).toEqual([cohort]);
  });

  it('counts devices not synced for over 7 days, and no one active, a week later', async () => {
    clock.now += 8 * DAY;
    try {
      // Signed in that day: the session of a week ago has long been idle past 12 hours.
      const later = (await (await signedInOfficer(server, null, clock.now)).call('GET', '/overview')).body;
      expect(later.activeLast7Days).toBe(0);
      expect(later.devicesNotSynced7Days).toBeGreaterThanOrEqual(3);
    } finally {
      clock.now -= 8 * DAY;
    }
  });

  it('enrols a CSV of trainees whole, or names every problem by row and column and enrols none', async () => {
    const broken = 'Họ và tên,Đơn vị,Tỉnh/Thành phố\nPhạm Văn Dũng,Sở KH&CN Lào Cai,Lào Cai\n,Sở KH&CN Huế,Huế\nVũ Thị Én,Sở KH&CN Sài Gòn,Sài Gòn\n';
    const before = (await get('/trainees')).total;
    const refused = await office.call('POST', '/trainees/import', { body: { csv: broken } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues).toEqual([
      { path: ['rows', 3, 'name'], code: 'required', message: expect.any(String) },
      { path: ['rows', 4, 'province'], code: 'unknown_place', message: expect.any(String) },
    ]);
    expect((await get('/trainees')).total).toBe(before);

    const csv = '\uFEFFname;unit;province\r\n"Hoàng, Thị Giang";Sở KH&CN TP. Hồ Chí Minh;TP. Hồ Chí Minh\r\nĐinh Văn Hải;"Sở ""KH&CN"" Lào Cai";Tỉnh Lào Cai\r\nNgô Thị Hoa;Vụ Kế hoạch;Ministry of Home Affairs\r\n';
    const done = await office.call('POST', '/trainees/import', { body: { csv, cohortIds: [cohort] } });
    expect(done.status).toBe(201);
    const enrolled = done.body.enrolled as Enrolled[];
    expect(enrolled.map((e) => [e.trainee.name, e.trainee.unit, e.trainee.placeId])).toEqual([
      ['Hoàng, Thị Giang', 'Sở KH&CN TP. Hồ Chí Minh', 'ho-chi-minh-city'],
      ['Đinh Văn Hải', 'Sở "KH&CN" Lào Cai', 'lao-cai'],
      ['Ngô Thị Hoa', 'Vụ Kế hoạch', 'bo-noi-vu'],
    ]);
    for (const e of enrolled) {
      const reply = await call(server, 'POST', '/api/v1/enrol', { body: { code: e.code, deviceId: randomUUID() } });
      expect(reply.body.trainee.name).toBe(e.trainee.name);
    }
    expect((await get(`/overview?cohort=${cohort}`)).enrolled).toBe(6);
  });

  it('keeps the list of places in the dashboard: add, rename, retire (a retired place enrols no one)', async () => {
    const added = await office.call('POST', '/places', { body: { kind: 'ministry', vi: 'Bộ Thử nghiệm', en: 'Ministry of Trials' } });
    expect(added.body).toEqual({ id: 'ministry-of-trials', kind: 'ministry', vi: 'Bộ Thử nghiệm', en: 'Ministry of Trials', retired: false });
    expect((await office.call('PATCH', '/places/ministry-of-trials', { body: { vi: 'Bộ Thử nghiệm và Đánh giá' } })).status).toBe(204);
    expect((await office.call('PATCH', '/places/ministry-of-trials', { body: { retired: true } })).status).toBe(204);
    expect((await get('/places')).find((p: { id: string }) => p.id === 'ministry-of-trials')).toMatchObject({ vi: 'Bộ Thử nghiệm và Đánh giá', retired: true });
    const refused = await office.call('POST', '/trainees', { body: { name: 'Ông Thử', unit: 'Vụ Thử', placeId: 'ministry-of-trials' } });
    expect(refused.status).toBe(400);
  });
});
