import { repositoriesOf } from '../../src/server/repositories/repositories.ts';
import { addOfficer } from '../../src/server/services/officer-service.ts';
import type { Officer } from '../../src/shared/office-api.ts';
import type { Reply } from './sync-client.ts';
import type { TestServer } from './test-server.ts';

export const PASSWORD = 'mật khẩu đủ dài 2026';

interface OfficeRequest {
  body?: unknown;
  cookie?: string | undefined;
  /** The Origin header; the server's own unless given (null sends none). */
  origin?: string | null;
  headers?: Record<string, string>;
}

/** A request as the office's pages make it: JSON, the page's Origin, the session cookie if any. */
export async function officeCall(server: TestServer, method: string, path: string, request: OfficeRequest = {}): Promise<Reply & { text: string }> {
  const origin = request.origin === undefined ? server.url : request.origin;
  const res = await fetch(`${server.url}/api/v1/office${path}`, {
    method,
    headers: {
      ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(origin === null ? {} : { origin }),
      ...(request.cookie ? { cookie: request.cookie } : {}),
      ...request.headers,
    },
    ...(request.body === undefined ? {} : { body: typeof request.body === 'string' ? request.body : JSON.stringify(request.body) }),
  });
  const text = await res.text();
  const json = res.headers.get('content-type')?.includes('application/json');
  return { status: res.status, headers: res.headers, body: json && text ? JSON.parse(text) : undefined, text };
}

let n = 0;
/** A new officer (of `unit`, or the whole programme) and the token of their setup link, as `officer add` makes them. */
export async function newOfficer(server: TestServer, unit: string | null = null, now = Date.now()) {
  const email = `officer${++n}.${Math.random().toString(36).slice(2, 8)}@mic.gov.vn`;
  const added = await addOfficer(repositoriesOf(server.database), { email, name: `Cán bộ ${n}`, unit, now });
  return { officer: added!.officer, token: added!.token, email };
}

/** The cookie a reply sets, as the browser would send it back ("egov_office=…"). */
export const cookieOf = (reply: Reply) => reply.headers.get('set-cookie')?.split(';')[0];

export interface SignedIn {
  officer: Officer;
  cookie: string;
  call(method: string, path: string, request?: Omit<OfficeRequest, 'cookie'>): ReturnType<typeof officeCall>;
}

/** A new officer who has used their setup link and so is signed in. */
export async function signedInOfficer(server: TestServer, unit: string | null = null, now = Date.now()): Promise<SignedIn> {
  const { officer, token } = await newOfficer(server, unit, now);
  const reply = await officeCall(server, 'POST', '/setup', { body: { token, password: PASSWORD } });
  if (reply.status !== 200) throw new Error(`setup failed: ${reply.text}`);
  const cookie = cookieOf(reply)!;
  return { officer, cookie, call: (method, path, request = {}) => officeCall(server, method, path, { ...request, cookie }) };
}
