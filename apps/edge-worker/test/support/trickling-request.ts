// An HTTP/1.1 request over a raw socket whose body trickles in one byte at a time and never completes — what an
// attacker holding connections open does — recording when the answer's status line arrived and when the server
// closed the connection.
import { connect, type Socket } from 'node:net';

export interface TricklingRequest {
  /** Resolves with the answer's status and how long after the request it arrived (ms); rejects if none comes. */
  readonly answered: Promise<{ readonly status: number; readonly afterMs: number }>;
  /** Resolves with how long after the request the server closed the connection (ms). */
  readonly closed: Promise<number>;
  /** Stops trickling and destroys the socket. */
  stop(): void;
}

/**
 * Opens `origin` (`http://127.0.0.1:port`), sends the head of `POST path` with `contentLength` declared (or chunked
 * encoding without it), the body's `prefix`, and then one `filler` character every `everyMs` (ASCII), forever
 * (until the server closes or `stop`).
 */
export function tricklingRequest(
  origin: string,
  path: string,
  options: {
    readonly contentLength?: number;
    readonly everyMs?: number;
    readonly headers?: Record<string, string>;
    /** Body text sent at once after the head (default none), before the trickle. */
    readonly prefix?: string;
    /** The character trickled (default `{`). */
    readonly filler?: string;
  } = {},
): TricklingRequest {
  const { hostname, port, host } = new URL(origin);
  const started = performance.now();
  const socket: Socket = connect({ host: hostname, port: Number(port) });
  const framing = options.contentLength === undefined ? 'transfer-encoding: chunked\r\n' : `content-length: ${options.contentLength}\r\n`;
  const extra = Object.entries(options.headers ?? {})
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  const chunk = (text: string): string => (options.contentLength === undefined ? `${text.length.toString(16)}\r\n${text}\r\n` : text);
  const prefix = options.prefix === undefined || options.prefix === '' ? '' : chunk(options.prefix);
  socket.write(`POST ${path} HTTP/1.1\r\nhost: ${host}\r\ncontent-type: application/json\r\n${extra}${framing}\r\n${prefix}`);
  const byte = (): string => chunk(options.filler ?? '{');
  const timer = setInterval(() => {
    if (!socket.destroyed && socket.writable) socket.write(byte());
  }, options.everyMs ?? 100);
  socket.on('error', () => undefined);
  let received = '';
  const answered = new Promise<{ status: number; afterMs: number }>((resolve, reject) => {
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      const match = /^HTTP\/1\.1 (\d{3})/.exec(received);
      if (match) resolve({ status: Number(match[1]), afterMs: performance.now() - started });
    });
    socket.on('close', () => reject(new Error(`closed without an answer (received ${JSON.stringify(received.slice(0, 200))})`)));
  });
  answered.catch(() => undefined);
  const closed = new Promise<number>((resolve) => {
    socket.on('close', () => {
      clearInterval(timer);
      resolve(performance.now() - started);
    });
  });
  return {
    answered,
    closed,
    stop() {
      clearInterval(timer);
      socket.destroy();
    },
  };
}
