import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoriesOf } from '../../src/server/repositories/repositories.ts';
import { enrolOne } from '../../src/server/services/office-enrolment-service.ts';
import { apiErrorBodySchema } from '../../src/shared/api-error.ts';
import { parseCsv } from '../../src/shared/csv.ts';
import { officeCall, PASSWORD, type SignedIn, signedInOfficer } from './office-client.ts';
import { enrolDevice } from './sync-client.ts';
import { startTestServer, testDatabases, type TestServer } from './test-server.ts';

const UNIT = 'Sở Khoa học và Công nghệ Đà Nẵng';
const OTHER = 'Bộ Nội vụ';

/** Every office endpoint, with a body where it takes one; ":id" is a trainee's. */
const endpoints = (id: string, deviceId = '00000000-0000-4000-8000-000000000000'): Array<[string, string, unknown?]> => [
  ['GET', '/session'],
  ['DELETE', '/session'],
  ['GET', '/overview'],
  ['GET', '/groups/unit'],
  ['GET', '/groups/place'],
  ['GET', '/funnel'],
  ['GET', '/questions'],
  ...['units', 'places', 'funnel', 'questions', 'trainees'].map((t): [string, string] => ['GET', `/export/${t}.csv`]),
  ['GET', '/trainees'],
  ['POST', '/trainees', { name: 'Lê Văn Tám', unit: OTHER, placeId: 'ha-noi' }],
  ['POST', '/trainees/import', { csv: 'name,unit,province\nLê Văn Tám,Bộ Nội vụ,Hà Nội' }],
  ['GET', `/trainees/${id}`],
  ['PATCH', `/trainees/${id}`, { placeId: 'hue' }],
  ['POST', `/trainees/${id}/codes`, {}],
  ['POST', `/trainees/${id}/devices/${deviceId}/revoke`, {}],
  ['GET', '/cohorts'],
  ['POST', '/cohorts', { name: 'Khóa 1', startsOn: '2026-01-05', endsOn: '2026-03-31' }],
  ['PUT', '/cohorts/co-aaaaaaaa', { name: 'Khóa 1', startsOn: '2026-01-05', endsOn: '2026-03-31' }],
  ['GET', '/places'],
  ['POST', '/places', { kind: 'ministry', vi: 'Bộ Mới', en: 'New Ministry' }],
  ['PATCH', '/places/hue', { retired: true }],
  ['GET', '/anything-else'],
];

/** Rows of every table an office request could write: "stores nothing" means none of these change. */
async function rows(server: TestServer) {
  const db = server.database.db;
  const tables = ['trainees', 'enrolment_codes', 'devices', 'cohorts', 'cohort_members', 'places', 'officer_sessions'] as const;
  const counts: Record<string, number> = {};
  for (const t of tables) counts[t] = Number((await db.selectFrom(t).select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const places = await db.selectFrom('places').select(['id', 'name_vi', 'retired_at']).orderBy('id').execute();
  const trainees = await db.selectFrom('trainees').select(['id', 'name', 'unit', 'place_id', 'revoked_at']).orderBy('id').execute();
  const devices = await db.selectFrom('devices').select(['token_hash', 'revoked_at']).orderBy('token_hash').execute();
  return { counts, places, trainees, devices };
}

describe.each(testDatabases)('the office API refuses, and stores nothing, on $name', (database) => {
  let server: TestServer;
  let programme: SignedIn;
  let unitOfficer: SignedIn;
  let ownTrainee: string;
  let foreignTrainee: string;
  let foreignDevice: string;
  beforeAll(async () => {
    server = await startTestServer(database);
    programme = await signedInOfficer(server);
    unitOfficer = await signedInOfficer(server, UNIT);
    const repositories = repositoriesOf(server.database);
    const officer = programme.officer;
    ownTrainee = (await enrolOne(repositories, officer, { name: 'Phan Văn Minh', unit: UNIT, placeId: 'da-nang', cohortIds: [] }, new Date())).trainee.id;
    const foreign = await enrolOne(repositories, officer, { name: 'Đỗ Thị Hằng', unit: OTHER, placeId: 'ha-noi', cohortIds: [] }, new Date());
    foreignTrainee = foreign.trainee.id;
    foreignDevice = (await enrolDevice(server, foreign.code)).deviceId;
  });
  afterAll(() => server.close());

  it('answers a stranger 401 JSON on every office endpoint, and stores nothing', async () => {
    const before = await rows(server);
    for (const [method, path, body] of endpoints(ownTrainee)) {
      for (const cookie of [undefined, 'egov_office=not-a-session', `egov_office=${'A'.repeat(43)}`]) {
        const reply = await officeCall(server, method, path, { body, cookie });
        expect(reply.status, `${method} ${path}`).toBe(401);
        expect(apiErrorBodySchema.parse(reply.body).error.code).toBe('unauthorized');
      }
    }
    expect(await rows(server)).toEqual(before);
  });

  it("answers a unit officer 403 for another unit's trainee, whatever the id, and stores nothing", async () => {
    const before = await rows(server);
    const ids = [foreignTrainee, 'tr-nobody00', 'tr-' + 'z'.repeat(8), 'x'.repeat(300), '%E2%80%AE', encodeURIComponent(`${ownTrainee}'--`), ownTrainee.toUpperCase()];
    for (const id of ids) {
      for (const [method, path, body] of endpoints(id, foreignDevice).filter(([, p]) => p.startsWith(`/trainees/${id}`))) {
        const reply = await unitOfficer.call(method, path, { body });
        expect(reply.status, `${method} ${path}`).toBe(403);
        expect(apiErrorBodySchema.parse(reply.body).error.code).toBe('forbidden');
      }
    }
    expect(await rows(server)).toEqual(before);
    // The same device is the programme office's to revoke; an unknown id is a 404 for it.
    expect((await programme.call('GET', '/trainees/tr-nobody00')).status).toBe(404);
    expect((await unitOfficer.call('GET', `/trainees/${ownTrainee}`)).status).toBe(200);
  });

  it("keeps a unit officer's lists, figures and exports to their unit", async () => {
    const list = await unitOfficer.call('GET', '/trainees');
    expect(list.body.rows.map((t: { unit: string }) => t.unit)).toEqual([UNIT]);
    expect((await unitOfficer.call('GET', '/overview')).body.enrolled).toBe(1);
    expect((await unitOfficer.call('GET', '/groups/unit')).body.map((g: { key: string }) => g.key)).toEqual([UNIT]);
    for (const table of ['units', 'places', 'trainees']) {
      const csv = await unitOfficer.call('GET', `/export/${table}.csv`);
      expect(csv.text).not.toContain(OTHER);
      expect(csv.text).not.toContain('Đỗ Thị Hằng');
    }
    // Asking for another unit by filter finds nothing rather than widening the scope.
    expect((await unitOfficer.call('GET', `/trainees?unit=${encodeURIComponent(OTHER)}`)).body.total).toBe(0);
    expect(parseCsv((await unitOfficer.call('GET', `/export/trainees.csv?unit=${encodeURIComponent(OTHER)}`)).text)).toHaveLength(1);
  });

  it('refuses a unit officer enrolling into another unit, or changing the lists and cohorts', async () => {
    const before = await rows(server);
    expect((await unitOfficer.call('POST', '/trainees', { body: { name: 'Lê Văn Tám', unit: OTHER, placeId: 'ha-noi' } })).status).toBe(403);
    const upload = await unitOfficer.call('POST', '/trainees/import', { body: { csv: `name,unit,province\nLê Văn Tám,${OTHER},Hà Nội` } });
    expect(upload.status).toBe(400);
    expect(upload.body.error.issues).toEqual([{ path: ['rows', 2, 'unit'], code: 'other_unit', message: expect.any(String) }]);
    expect((await unitOfficer.call('PATCH', `/trainees/${ownTrainee}`, { body: { unit: OTHER } })).status).toBe(403);
    for (const [method, path, body] of endpoints(ownTrainee).filter(([m, p]) => m !== 'GET' && /^\/(cohorts|places)/.test(p))) {
      expect((await unitOfficer.call(method, path, { body })).status, `${method} ${path}`).toBe(403);
    }
    expect(await rows(server)).toEqual(before);
  });

  it('refuses a state-changing request with a foreign or missing Origin, signed in or not', async () => {
    const before = await rows(server);
    for (const origin of ['https://evil.example', 'null', `${server.url}.evil.example`, null]) {
      for (const [method, path, body] of endpoints(ownTrainee).filter(([m]) => m !== 'GET')) {
        const reply = await programme.call(method, path, { body, origin });
        expect(reply.status, `${method} ${path} from ${origin}`).toBe(403);
        expect(reply.body.error.code).toBe('forbidden');
      }
      const signIn = await officeCall(server, 'POST', '/session', { body: { email: programme.officer.email, password: PASSWORD }, origin });
      expect(signIn.status).toBe(403);
      expect(signIn.headers.get('set-cookie')).toBeNull();
    }
    expect(await rows(server)).toEqual(before);
    expect((await programme.call('GET', '/session')).status).toBe(200);
  });

  it('answers hostile bodies and queries 400 with the shared error shape, and stores nothing', async () => {
    const before = await rows(server);
    const hostile: Array<[string, string, unknown]> = [
      ['POST', '/trainees', '{"name": '],
      ['POST', '/trainees', []],
      ['POST', '/trainees', { name: 'A\u0000B', unit: OTHER, placeId: 'ha-noi' }],
      ['POST', '/trainees', { name: 'Mallory\nREVOKED', unit: OTHER, placeId: 'ha-noi' }],
      ['POST', '/trainees', { name: 'x'.repeat(10_000), unit: OTHER, placeId: 'ha-noi' }],
      ['POST', '/trainees', { name: '\ud800', unit: OTHER, placeId: 'ha-noi' }],
      ['POST', '/trainees', { name: 'An', unit: OTHER, placeId: 'atlantis' }],
      ['POST', '/trainees', { name: 'An', unit: OTHER, placeId: 'ha-noi', cohortIds: ['co-nothere0'] }],
      ['POST', '/trainees', { name: 'An', unit: OTHER, placeId: { $ne: null } }],
      ['POST', '/trainees/import', { csv: 42 }],
      ['POST', '/trainees/import', { csv: 'a\u0000b' }],
      ['POST', '/trainees/import', { csv: 'name,unit\nAn,Bộ' }],
      ['POST', '/trainees/import', { csv: 'name,unit,province\n' + 'An,Bộ Nội vụ,Hà Nội\n'.repeat(1001) }],
      ['PATCH', `/trainees/${ownTrainee}`, { placeId: 'atlantis' }],
      ['PATCH', `/trainees/${ownTrainee}`, { name: 12 }],
      ['POST', '/cohorts', { name: 'Khóa', startsOn: '2026-05-01', endsOn: '2026-04-01' }],
      ['POST', '/cohorts', { name: 'Khóa', startsOn: '1 May', endsOn: '2026-06-01' }],
      ['POST', '/places', { kind: 'planet', vi: 'Sao Hỏa', en: 'Mars' }],
      ['POST', '/places', { kind: 'city', vi: 'Hà Nội', en: 'Hanoi again' }],
      ['PATCH', '/places/hue', { retired: 'yes' }],
      ['POST', '/session', { email: ['a'], password: PASSWORD }],
      ['POST', '/setup', { token: 'short', password: PASSWORD }],
      ['POST', '/setup', { token: 'A'.repeat(43), password: 'short' }],
    ];
    for (const [method, path, body] of hostile) {
      const reply = await programme.call(method, path, { body });
      expect(reply.status, `${method} ${path} ${JSON.stringify(body).slice(0, 60)}`).toBe(400);
      expect(apiErrorBodySchema.safeParse(reply.body).success).toBe(true);
    }
    for (const query of ['/overview?cohort=%00', '/trainees?offset=-1', '/groups/everything', `/funnel?unit=${'x'.repeat(1000)}`, '/export/trainees.csv?lang=fr']) {
      expect((await programme.call('GET', query)).status, query).toBe(400);
    }
    expect(await rows(server)).toEqual(before);
  });
});
