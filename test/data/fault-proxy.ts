import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { seededRandom } from '../../src/shared/seeded-random.ts';

/** Chances (0..1) of each fault per request; they are tried in this order, at most one each. */
export interface FaultRates {
  /** The request never reaches the server; the client sees a reset connection. */
  dropRequest: number;
  /** The server answers with a 500 without seeing the request. */
  error500: number;
  /** The server gets the request twice, at once; the client sees the first answer. */
  duplicate: number;
  /** The server commits, then the connection resets before the client hears back. */
  dropResponse: number;
  /** The server commits, then the client gets a 500 instead of the answer. */
  error500AfterCommit: number;
  /** Up to `maxDelayMs` before forwarding and again before answering. */
  delay: number;
  maxDelayMs: number;
}

export const NO_FAULTS: FaultRates = {
  dropRequest: 0, error500: 0, duplicate: 0, dropResponse: 0, error500AfterCommit: 0, delay: 0, maxDelayMs: 0,
};

export interface FaultProxy {
  url: string;
  /** How many times each fault fired, and how many requests passed untouched. */
  counts: Record<keyof Omit<FaultRates, 'maxDelayMs'> | 'clean', number>;
  setFaults(rates: FaultRates): void;
  close(): Promise<void>;
}

interface Upstream {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/**
 * A loopback HTTP proxy in front of `targets` that misbehaves like a phone network, with seeded
 * randomness so a failing run can be repeated exactly. Requests go to the targets in turn, as a
 * reverse proxy spreads them over several server processes.
 */
export async function startFaultProxy(targets: string | string[], seed: number, rates: FaultRates): Promise<FaultProxy> {
  const random = seededRandom(seed);
  const chance = (p: number) => p > 0 && random() < p;
  let faults = rates;
  const counts: FaultProxy['counts'] = {
    dropRequest: 0, error500: 0, duplicate: 0, dropResponse: 0, error500AfterCommit: 0, delay: 0, clean: 0,
  };
  const targetUrls = [targets].flat().map((t) => new URL(t));
  let turn = 0;

  const forward = (req: IncomingMessage, body: Buffer) =>
    new Promise<Upstream>((resolve, reject) => {
      const targetUrl = targetUrls[turn++ % targetUrls.length]!;
      const headers = { ...req.headers, host: targetUrl.host };
      const up = httpRequest(
        { host: targetUrl.hostname, port: targetUrl.port, path: req.url, method: req.method, headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      up.on('error', reject);
      up.end(body);
    });

  const sleep = () => new Promise((r) => setTimeout(r, Math.floor(random() * faults.maxDelayMs)));
  const fail500 = (res: ServerResponse) => {
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'internal', message: 'injected by the fault proxy' } }));
  };

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    try {
      const delayed = chance(faults.delay);
      if (delayed) {
        counts.delay++;
        await sleep();
      }
      if (chance(faults.dropRequest)) {
        counts.dropRequest++;
        return req.socket.destroy();
      }
      if (chance(faults.error500)) {
        counts.error500++;
        return fail500(res);
      }
      let upstream: Upstream;
      if (chance(faults.duplicate)) {
        counts.duplicate++;
        [upstream] = await Promise.all([forward(req, body), forward(req, body)]);
      } else {
        upstream = await forward(req, body);
      }
      if (chance(faults.dropResponse)) {
        counts.dropResponse++;
        return req.socket.destroy();
      }
      if (chance(faults.error500AfterCommit)) {
        counts.error500AfterCommit++;
        return fail500(res);
      }
      if (delayed) await sleep();
      if (!delayed) counts.clean++;
      const headers: Record<string, string | string[] | undefined> = { ...upstream.headers, 'content-length': String(upstream.body.length) };
      delete headers['transfer-encoding'];
      delete headers.connection;
      res.writeHead(upstream.status, headers);
      res.end(upstream.body);
    } catch {
      req.socket.destroy();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    setFaults: (next) => {
      faults = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
