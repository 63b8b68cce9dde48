import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiErrorBodySchema } from '../../src/shared/api-error.ts';
import { type Device, enrolDevice, issueCode, rowCounts, sectionReads } from './sync-client.ts';
import { startTestServer, testDatabases, type TestServer } from './test-server.ts';

/** Sends raw bytes and returns everything the server answers before it closes the connection. */
function rawExchange(server: TestServer, send: (write: (text: string) => void, end: () => void) => void): Promise<string> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = connect(Number(port), hostname, () => send((text) => socket.write(text), () => socket.destroy()));
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

const jsonBodyOf = (answer: string) => apiErrorBodySchema.parse(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)));

describe.each(testDatabases)('HTTP hardening on $name', (database) => {
  let server: TestServer;
  let device: Device;
  beforeAll(async () => {
    server = await startTestServer(database, { timeouts: { headersMs: 400, requestMs: 800, keepAliveMs: 400 } });
    device = await enrolDevice(server);
  });
  afterAll(() => server.close());

  it('answers a POST that is not application/json with 415 and stores nothing', async () => {
    const { code } = await issueCode(server);
    const before = await rowCounts(server);
    const body = JSON.stringify({ deviceId: device.deviceId, cursor: 0, events: sectionReads(device, 1) });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', undefined]) {
      const headers: Record<string, string> = { authorization: `Bearer ${device.token}`, ...(type ? { 'content-type': type } : {}) };
      for (const [path, sent] of [['/api/v1/sync', body], ['/api/v1/enrol', JSON.stringify({ code, deviceId: device.deviceId })]] as const) {
        const res = await fetch(`${server.url}${path}`, { method: 'POST', headers, body: new TextEncoder().encode(sent) });
        expect(res.status, `${path} ${type}`).toBe(415);
        expect(apiErrorBodySchema.parse(await res.json()).error.code).toBe('unsupported_media_type');
      }
    }
    expect(await rowCounts(server)).toEqual(before);
    const typed = await fetch(`${server.url}/api/v1/sync`, {
      method: 'POST',
      headers: { authorization: `Bearer ${device.token}`, 'content-type': 'Application/JSON; charset=utf-8' },
      body,
    });
    expect(typed.status).toBe(200);
  });

  it('answers an address over 16 KB with a JSON 431', async () => {
    const res = await fetch(`${server.url}/api/health?q=${'a'.repeat(17 * 1024)}`);
    expect(res.status).toBe(431);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(apiErrorBodySchema.parse(await res.json()).error.code).toBe('headers_too_large');
    expect((await fetch(`${server.url}/api/health?q=${'a'.repeat(8 * 1024)}`)).status).toBe(200);
  });

  it('closes a connection whose headers dawdle, with a JSON 408', async () => {
    const started = Date.now();
    const answer = await rawExchange(server, (write) => write('GET /api/health HTTP/1.1\r\nHost: x\r\n'));
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(jsonBodyOf(answer).error.code).toBe('request_timeout');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('takes a client that hangs up mid-body in its stride: no 500 logged, and the next request is served', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const before = await rowCounts(server);
      const body = JSON.stringify({ deviceId: device.deviceId, cursor: 0, events: sectionReads(device, 3) });
      await rawExchange(server, (write, end) => {
        write(`POST /api/v1/sync HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${device.token}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
        write(body.slice(0, 100));
        setTimeout(end, 100);
      });
      expect((await device.sync({})).status).toBe(200); // the hang-up has been handled by now
      expect(log).not.toHaveBeenCalled();
      expect(await rowCounts(server)).toEqual(before);
    } finally {
      log.mockRestore();
    }
  });
});
