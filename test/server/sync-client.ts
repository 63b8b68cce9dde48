import { randomUUID } from 'node:crypto';
import { repositoriesOf } from '../../src/server/repositories/repositories.ts';
import { issueDeviceCode, issueEnrolment } from '../../src/server/services/enrolment-service.ts';
import type { EventOf, LearnerEvent, LearnerEventType } from '../../src/shared/events.ts';
import { formatHlc } from '../../src/shared/hlc.ts';
import { enrolResponseSchema, type SyncRequest } from '../../src/shared/sync-api.ts';
import type { TestServer } from './test-server.ts';

export interface Reply {
  status: number;
  headers: Headers;
  body: any;
}

/** Sends a request as a phone would; `body` is JSON-encoded unless already a string. */
export async function call(
  server: TestServer,
  method: string,
  path: string,
  { body, token, headers }: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

/** An admin-issued code for a new trainee, as `npm run admin -- enrol` would print it. */
export async function issueCode(server: TestServer, name = 'Nguyễn Văn An', unit = 'Sở TT&TT Hà Nội') {
  return issueEnrolment(repositoriesOf(server.database), { name, unit, now: new Date() });
}

/** One enrolled device of a trainee, with a `sync` that speaks for it. */
export interface Device {
  deviceId: string;
  token: string;
  trainee: { id: string; name: string; unit: string };
  sync(request: Partial<SyncRequest>): Promise<Reply>;
}

/** Enrols a device for a new trainee (or for `code`'s trainee) through the real endpoint. */
export async function enrolDevice(server: TestServer, code?: string, deviceId: string = randomUUID()): Promise<Device> {
  const theCode = code ?? (await issueCode(server)).code;
  const reply = await call(server, 'POST', '/api/v1/enrol', { body: { code: theCode, deviceId } });
  if (reply.status !== 201) throw new Error(`enrol failed: ${JSON.stringify(reply.body)}`);
  const { token, trainee } = enrolResponseSchema.parse(reply.body);
  return {
    deviceId,
    token,
    trainee,
    sync: (request) => call(server, 'POST', '/api/v1/sync', { token, body: { deviceId, cursor: 0, events: [], ...request } }),
  };
}

/** Another device of `trainee`, enrolled with a code from `admin code`. */
export async function enrolAnotherDevice(server: TestServer, trainee: { id: string }): Promise<Device> {
  const issued = await issueDeviceCode(repositoriesOf(server.database), { traineeId: trainee.id, now: new Date() });
  return enrolDevice(server, issued!.code);
}

/** Two devices of one trainee: the usual phone and laptop. */
export async function enrolTwoDevices(server: TestServer): Promise<[Device, Device]> {
  const phone = await enrolDevice(server);
  return [phone, await enrolAnotherDevice(server, phone.trainee)];
}

let clock = Date.now();
/** A fresh HLC stamp, later than the previous one. */
function stamp(): string {
  clock += 1;
  return formatHlc(clock, 0);
}

/** A learner event of `device`, valid against the test catalogue unless overridden. */
export function event<T extends LearnerEventType>(
  device: { deviceId: string },
  type: T,
  payload: EventOf<T>['payload'],
  overrides: Partial<LearnerEvent> = {},
): LearnerEvent {
  return { id: randomUUID(), deviceId: device.deviceId, lessonId: 'digital-government', at: stamp(), type, payload, ...overrides } as LearnerEvent;
}

/** `n` section-read events, all valid. */
export function sectionReads(device: { deviceId: string }, n: number): LearnerEvent[] {
  const sections = ['what-is-it', 'why-now', 'roadmap'] as const;
  return Array.from({ length: n }, (_, i) => event(device, 'section_read', { sectionId: sections[i % 3]! }));
}

/** Rows per table: "nothing stored" means these did not change. */
export async function rowCounts(server: TestServer) {
  const db = server.database.db;
  const count = async (table: 'trainees' | 'devices' | 'events') =>
    Number((await db.selectFrom(table).select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { trainees: await count('trainees'), devices: await count('devices'), events: await count('events') };
}
