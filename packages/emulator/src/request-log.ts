import { functionSchema, optionsObject, parseInput } from '@tokenwire/core/internal';
import * as v from 'valibot';
import type { AppliedFault } from './faults/fault-injector.js';
import { type RouteMatcher, RouteSchema } from './faults/route-pattern.js';
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

/** A {@link RequestLogFilter} as its schema leaves it: the route compiled, the method in upper case. */
interface CheckedRequestLogFilter {
  readonly route?: RouteMatcher | ((route: RouteInfo) => boolean) | undefined;
  readonly method?: string | undefined;
  readonly status?: number | undefined;
  readonly outcome?: RequestOutcome | undefined;
  readonly fault?: boolean | string | undefined;
}

const OUTCOMES: readonly RequestOutcome[] = ['response', 'stalled', 'dropped', 'aborted', 'error'];

const RequestLogFilterSchema: v.GenericSchema<unknown, CheckedRequestLogFilter> = /* @__PURE__ */ (() =>
  optionsObject(
    {
      route: v.optional(v.lazy((input) => (typeof input === 'function' ? functionSchema<(route: RouteInfo) => boolean>() : RouteSchema))),
      method: v.optional(
        v.pipe(
          v.string('must be a string'),
          v.transform((method) => method.toUpperCase()),
        ),
      ),
      status: v.optional(v.number('must be a number')),
      outcome: v.optional(v.picklist(OUTCOMES, `must be one of ${OUTCOMES.join(', ')}`)),
      fault: v.optional(v.union([v.boolean(), v.string()], 'must be a boolean or a fault rule name')),
    },
    'an object',
  ))();

function compileFilter(input: RequestLogFilter | undefined): (entry: RequestLogEntry) => boolean {
  if (input === undefined) return () => true;
  const filter = parseInput(RequestLogFilterSchema, input, 'request log filter');
  const { route, method, status, outcome, fault } = filter;
  return (entry) =>
    (route === undefined || route(entry.route)) &&
    (method === undefined || entry.method === method) &&
    (status === undefined || entry.status === status) &&
    (outcome === undefined || entry.outcome === outcome) &&
    (fault === undefined ||
      (typeof fault === 'boolean' ? entry.faults.length > 0 === fault : entry.faults.some((applied) => applied.name === fault)));
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
