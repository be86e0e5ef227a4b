import { ValidationError, type ValidationIssue } from '@tokenwire/core';

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

/** Applies the defaults of {@link ServeEmulatorOptions}; throws a `ValidationError` for bad values. */
export function resolveServeOptions(handler: FetchHandler, options: ServeEmulatorOptions = {}): ResolvedServeOptions {
  const issues: ValidationIssue[] = [];
  if (typeof handler?.fetch !== 'function') issues.push({ path: 'emulator', message: 'must have a fetch(request) method' });
  const port = options.port ?? 0;
  const hostname = options.hostname ?? '127.0.0.1';
  if (!Number.isInteger(port) || port < 0 || port > 65535) issues.push({ path: 'port', message: 'must be an integer from 0 to 65535' });
  if (typeof hostname !== 'string' || hostname.length === 0) issues.push({ path: 'hostname', message: 'must be a non-empty string' });
  if (issues.length > 0) throw new ValidationError('serve options', issues);
  return { port, hostname };
}

/** The base URL of a server listening on `hostname:port` (wildcard addresses become loopback). */
export function serverUrl(hostname: string, port: number): string {
  const host = hostname === '0.0.0.0' ? '127.0.0.1' : hostname === '::' ? '::1' : hostname;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
