import type { Server, ServerOptions } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ApiErrorBody, ApiErrorCode } from '../../shared/api-error.ts';

export interface ServerTimeouts {
  /** Time to send the request line and headers. */
  headersMs: number;
  /** Time to send the whole request, body included. */
  requestMs: number;
  /** How long an idle keep-alive connection stays open. */
  keepAliveMs: number;
}

/**
 * Node waits 60 s for headers and 300 s for a request by default: a few hundred slow clients
 * would hold every socket. A sync batch is small (a 1 MB body, the most the API reads, still
 * arrives within a minute at 140 kbit/s).
 */
export const DEFAULT_TIMEOUTS: ServerTimeouts = { headersMs: 15_000, requestMs: 60_000, keepAliveMs: 5_000 };

/** Options for Node's HTTP server: the timeouts, checked every second rather than every 30 s. */
export function nodeServerOptions(t: ServerTimeouts): ServerOptions {
  return {
    headersTimeout: t.headersMs,
    requestTimeout: t.requestMs,
    keepAliveTimeout: t.keepAliveMs,
    connectionsCheckingInterval: Math.min(1000, t.headersMs),
    // Request line and headers together: a URL longer than this gets 431 (below).
    maxHeaderSize: 16 * 1024,
  };
}

/**
 * Requests Node refuses before the app sees them (headers over 16 KB, a URL that long included;
 * a timeout; bytes that are not HTTP) get the same JSON error body as everything else, instead of
 * Node's bare status line.
 */
export function answerClientErrorsAsJson(server: Server) {
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    const response = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (err.code === 'ECONNRESET' || !socket.writable || response?.headersSent) {
      socket.destroy();
      return;
    }
    const [status, code, message] = refusalOf(err.code);
    const body = JSON.stringify({ error: { code, message } } satisfies ApiErrorBody);
    socket.end(
      `HTTP/1.1 ${status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}

function refusalOf(code: string | undefined): [string, ApiErrorCode, string] {
  if (code === 'HPE_HEADER_OVERFLOW') return ['431 Request Header Fields Too Large', 'headers_too_large', 'The address and headers are larger than 16 KB'];
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return ['408 Request Timeout', 'request_timeout', 'The request took too long to arrive'];
  return ['400 Bad Request', 'bad_request', 'The request is not valid HTTP'];
}
