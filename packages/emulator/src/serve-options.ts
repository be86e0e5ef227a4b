import { numberIn, optionsObject, parseInput } from '@tokenwire/core/internal';
import * as v from 'valibot';

/** Anything with a fetch handler: an emulator, or any `(request) => Promise<Response>` server. */
export interface FetchHandler {
  /** Answers one request. A rejection drops the connection without an answer. */
  fetch(request: Request): Promise<Response>;
}

/** Options of `serveEmulator`. */
export interface ServeEmulatorOptions {
  /** TCP port; 0 (the default) lets the operating system choose a free one. */
  readonly port?: number;
  /** Interface to listen on. Defaults to `127.0.0.1` (loopback only). */
  readonly hostname?: string;
}

/** A running HTTP server in front of an emulator. */
export interface ServedEmulator {
  /** Base URL of the server, e.g. `http://127.0.0.1:49152` (no trailing slash). */
  readonly url: string;
  /** The port it listens on (the chosen one when `port` was 0). */
  readonly port: number;
  /** The interface it listens on. */
  readonly hostname: string;
  /**
   * Stops the server: aborts the requests in flight (stalled bodies end), closes every connection and resolves
   * once the port is free. Calling it again returns the same promise.
   */
  close(): Promise<void>;
}

/** Validated serve options, with defaults applied. */
export interface ResolvedServeOptions {
  readonly port: number;
  readonly hostname: string;
}

/** The arguments of `serveEmulator`, checked together: a handler with a `fetch` method, and the options. */
const ServeArgumentsSchema = /* @__PURE__ */ (() =>
  v.object({
    emulator: v.custom<FetchHandler>(
      (value) => typeof value === 'object' && value !== null && typeof (value as Partial<FetchHandler>).fetch === 'function',
      'must have a fetch(request) method',
    ),
    options: v.optional(
      optionsObject(
        {
          port: v.optional(numberIn(0, 65535, 'must be an integer from 0 to 65535', true), 0),
          hostname: v.optional(v.pipe(v.string('must be a non-empty string'), v.nonEmpty('must be a non-empty string')), '127.0.0.1'),
        },
        'an object of serve options',
      ),
      {},
    ),
  }))();

/** Checks the arguments of `serveEmulator` and applies the defaults; throws a `ValidationError` for bad values. */
export function resolveServeOptions(handler: FetchHandler, options?: ServeEmulatorOptions): ResolvedServeOptions {
  return parseInput(ServeArgumentsSchema, { emulator: handler, options }, 'serve options').options;
}

/** The base URL of a server listening on `hostname:port` (wildcard addresses become loopback). */
export function serverUrl(hostname: string, port: number): string {
  const host = hostname === '0.0.0.0' ? '127.0.0.1' : hostname === '::' ? '::1' : hostname;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
