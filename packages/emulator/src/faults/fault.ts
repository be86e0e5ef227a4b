import { ValidationError, type ValidationIssue } from '@tokenwire/core';

/** Adds `delayMs` before the request is handled; the request then goes through (or meets another fault). */
export interface LatencyFault {
  readonly kind: 'latency';
  /** Added delay in milliseconds (0 – 600 000). */
  readonly delayMs: number;
}

/**
 * Answers with an HTTP error status and a non-JSON gateway page, like a load balancer in front of the real
 * service. The service never sees the request.
 */
export interface HttpStatusFault {
  readonly kind: 'http-status';
  /** HTTP status, 400–599. Defaults to 502. */
  readonly status?: number;
  /** The page to answer with. Defaults to an nginx-style HTML error page for the status. */
  readonly body?: string;
}

/**
 * A transient upstream failure in the route's own error shape. Tencent routes: HTTP 200 with a valid envelope
 * whose `ErrorCode` is `code` (default 100001; 60008 is the other common one). AICC `ccmessaging` routes: HTTP
 * 200 with `resultCode` `"13"` / `Exception appeared!` (`returnCode` for `uploadFileStream`). The API Fabric
 * token route: HTTP 500 with `{ errorCode, exceptionInfo }`.
 */
export interface TransientFault {
  readonly kind: 'transient';
  /** Tencent `ErrorCode` to answer with. Defaults to 100001. */
  readonly code?: number;
}

/**
 * A rate-limit answer in the route's own shape. Tencent routes: envelope with `ErrorCode` `code` (default
 * 60018; 60007, 60011, 60019 and 70050 are the other rate-limit codes — the client retries all but 70050, which it
 * leaves to the caller). AICC `ccmessaging` routes: HTTP 200 with
 * `resultCode` `"10010000002"` (interface flow control). The API Fabric token route: HTTP 429 with
 * `{ errorCode: "10010000002", exceptionInfo }` (the gateway's flow-control code).
 */
export interface RateLimitFault {
  readonly kind: 'rate-limit';
  /** Tencent `ErrorCode` to answer with. Defaults to 60018. */
  readonly code?: number;
}

/** HTTP 200 with a JSON content type and a truncated JSON body. */
export interface MalformedJsonFault {
  readonly kind: 'malformed-json';
}

/**
 * The connection drops before any response: the emulator's `fetch` rejects with a `TypeError`, as a real
 * `fetch` does; served over HTTP, the socket is closed.
 */
export interface DropConnectionFault {
  readonly kind: 'drop-connection';
}

/**
 * HTTP 200 headers arrive, then the body stalls after its first bytes and never completes, until the request's
 * `signal` aborts (then reading the body rejects with the abort reason).
 */
export interface StallBodyFault {
  readonly kind: 'stall-body';
}

/** Every kind of fault the emulator can inject. */
export type Fault =
  | LatencyFault
  | HttpStatusFault
  | TransientFault
  | RateLimitFault
  | MalformedJsonFault
  | DropConnectionFault
  | StallBodyFault;

/** The `kind` of a {@link Fault}. */
export type FaultKind = Fault['kind'];

/** A fault, or the kind alone for the kinds whose fields all have defaults (`'drop-connection'`, …). */
export type FaultSpecification = Fault | Exclude<FaultKind, 'latency'>;

const KINDS: ReadonlySet<string> = new Set<FaultKind>([
  'latency',
  'http-status',
  'transient',
  'rate-limit',
  'malformed-json',
  'drop-connection',
  'stall-body',
]);

const MAX_DELAY_MS = 600_000;

/**
 * Checks a fault specification and returns it as a {@link Fault} object, with a string shorthand expanded.
 * Throws a `ValidationError` listing every problem.
 */
export function normalizeFault(specification: FaultSpecification, path = 'fault'): Fault {
  const fault = (typeof specification === 'string' ? { kind: specification } : specification) as Partial<Fault> & {
    kind?: unknown;
  };
  const issues: ValidationIssue[] = [];
  if (typeof fault !== 'object' || fault === null || typeof fault.kind !== 'string' || !KINDS.has(fault.kind)) {
    throw new ValidationError('fault', [{ path, message: `kind must be one of ${[...KINDS].join(', ')}` }]);
  }
  switch (fault.kind) {
    case 'latency': {
      const { delayMs } = fault as Partial<LatencyFault>;
      if (typeof delayMs !== 'number' || !Number.isFinite(delayMs) || delayMs < 0 || delayMs > MAX_DELAY_MS) {
        issues.push({ path: `${path}.delayMs`, message: `must be a number of milliseconds from 0 to ${MAX_DELAY_MS}` });
      }
      break;
    }
    case 'http-status': {
      const { status, body } = fault as Partial<HttpStatusFault>;
      if (status !== undefined && (!Number.isInteger(status) || status < 400 || status > 599)) {
        issues.push({ path: `${path}.status`, message: 'must be an HTTP error status from 400 to 599' });
      }
      if (body !== undefined && typeof body !== 'string') issues.push({ path: `${path}.body`, message: 'must be a string' });
      break;
    }
    case 'transient':
    case 'rate-limit': {
      const { code } = fault as Partial<TransientFault>;
      if (code !== undefined && (!Number.isInteger(code) || code <= 0)) {
        issues.push({ path: `${path}.code`, message: 'must be a positive integer Tencent ErrorCode' });
      }
      break;
    }
    default:
      break;
  }
  if (issues.length > 0) throw new ValidationError('fault', issues);
  return fault as Fault;
}
