import type { AppliedFault } from './faults/fault-injector.js';
import { compileRoutePattern, type RouteMatcher } from './faults/route-pattern.js';
import type { RouteInfo } from './route.js';

/**
 * How a request ended: `response` (an answer with a complete body on its way), `stalled` (a `stall-body` fault
 * answered), `dropped` (a `drop-connection` fault), `aborted` (the caller's signal aborted first), `error`
 * (the emulator itself failed: the entry's `error` says why).
 */
export type RequestOutcome = 'response' | 'stalled' | 'dropped' | 'aborted' | 'error';

/** One request the emulator saw. Secrets are redacted everywhere (`***`). */
export interface RequestLogEntry {
  /** 1 for the first request the emulator saw, then counting up. */
  readonly sequence: number;
  /** When the request arrived, from the emulator's clock (ms since the epoch). */
  readonly time: number;
  readonly method: string;
  /** The URL with secret query parameters (`usersig`, `Sign`, …) redacted. */
  readonly url: string;
  readonly route: RouteInfo;
  /** HTTP status of the answer; absent when there was none (dropped, aborted). */
  readonly status?: number;
  /** Wall time from arrival until the answer's headers, in milliseconds (added latency included). */
  readonly durationMs: number;
  readonly outcome: RequestOutcome;
  /** Faults applied to the request (latency faults included), in rule order; empty when none. */
  readonly faults: readonly AppliedFault[];
  /** Request headers with `Authorization`, `ccmessaging-token` and cookies redacted. */
  readonly requestHeaders: Readonly<Record<string, string>>;
  /** The request body, parsed when it is JSON, secrets redacted and long strings shortened; absent when empty. */
  readonly requestBody?: unknown;
  /** Size of the request body in bytes. */
  readonly requestBodyBytes: number;
  /** Response headers, secrets redacted (a rotated `ccmessaging-token` shows as `***`). */
  readonly responseHeaders?: Readonly<Record<string, string>>;
  /** Why the request failed, for `aborted` and `error` outcomes. */
  readonly error?: string;
}

/** Selects log entries; every given field must match. */
export interface RequestLogFilter {
  /** A route pattern as for faults (`'live_config/*'`, `'/apiaccess/**'`), or a predicate on the route. */
  readonly route?: string | readonly string[] | ((route: RouteInfo) => boolean);
  readonly method?: string;
  readonly status?: number;
  readonly outcome?: RequestOutcome;
  /** `true`: any fault applied; `false`: none; a string: the fault rule with that name applied. */
  readonly fault?: boolean | string;
}

/** The emulator's request log, `emulator.log`. Keeps the newest `limit` entries. */
export interface RequestLog {
  /** Number of entries held. */
  readonly size: number;
  /** The entries in the order their answers came (or they failed), optionally filtered. Returns a copy. */
  entries(filter?: RequestLogFilter): RequestLogEntry[];
  /** The newest entry matching the filter. */
  last(filter?: RequestLogFilter): RequestLogEntry | undefined;
  /** Forgets every entry (the sequence keeps counting). */
  clear(): void;
}

/** The log plus the recording side the emulator uses. */
export interface RequestLogRecorder extends RequestLog {
  /** The sequence number the next request gets. */
  nextSequence(): number;
  record(entry: RequestLogEntry): void;
}

/** Default number of entries kept. */
export const DEFAULT_REQUEST_LOG_LIMIT = 10_000;

function compileFilter(filter: RequestLogFilter | undefined): (entry: RequestLogEntry) => boolean {
  if (filter === undefined) return () => true;
  const route = filter.route;
  const routeMatches: RouteMatcher | ((info: RouteInfo) => boolean) | undefined =
    route === undefined ? undefined : typeof route === 'function' ? route : compileRoutePattern(route as string | readonly string[]);
  const method = filter.method?.toUpperCase();
  return (entry) =>
    (routeMatches === undefined || routeMatches(entry.route)) &&
    (method === undefined || entry.method === method) &&
    (filter.status === undefined || entry.status === filter.status) &&
    (filter.outcome === undefined || entry.outcome === filter.outcome) &&
    (filter.fault === undefined ||
      (typeof filter.fault === 'boolean'
        ? entry.faults.length > 0 === filter.fault
        : entry.faults.some((applied) => applied.name === filter.fault)));
}

/** Creates an empty request log holding at most `limit` entries (the oldest go first). */
export function createRequestLog(limit = DEFAULT_REQUEST_LOG_LIMIT): RequestLogRecorder {
  let entries: RequestLogEntry[] = [];
  let sequence = 0;
  return {
    get size() {
      return entries.length;
    },
    entries: (filter) => entries.filter(compileFilter(filter)),
    last(filter) {
      const matches = compileFilter(filter);
      for (let index = entries.length - 1; index >= 0; index--) if (matches(entries[index]!)) return entries[index];
      return undefined;
    },
    clear() {
      entries = [];
    },
    nextSequence: () => ++sequence,
    record(entry) {
      if (limit <= 0) return;
      entries.push(entry);
      if (entries.length > limit) entries.splice(0, entries.length - limit);
    },
  };
}
