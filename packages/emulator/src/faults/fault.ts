import { numberIn, optionsObject } from '@tokenwire/core/internal';
import * as v from 'valibot';

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

const MAX_DELAY_MS = 600_000;

/**
 * A fault rule's `fault`: a {@link Fault} object, or the kind alone (expanded to `{ kind }`). Each kind is its own
 * options object, so a field another kind has (`delayMs` on a `transient` fault) is "not a known option".
 */
export const FaultSchema: v.GenericSchema<unknown, Fault> = /* @__PURE__ */ (() => {
  const code = v.optional(numberIn(1, Number.MAX_SAFE_INTEGER, 'must be a positive integer Tencent ErrorCode', true));
  const what = 'a fault object';
  const kinds: { readonly [TKind in FaultKind]: v.GenericSchema<unknown, Extract<Fault, { kind: TKind }>> } = {
    latency: optionsObject(
      {
        kind: v.literal('latency'),
        delayMs: numberIn(0, MAX_DELAY_MS, `must be a number of milliseconds from 0 to ${MAX_DELAY_MS}`),
      },
      what,
    ),
    'http-status': optionsObject(
      {
        kind: v.literal('http-status'),
        status: v.optional(numberIn(400, 599, 'must be an HTTP error status from 400 to 599', true)),
        body: v.optional(v.string('must be a string')),
      },
      what,
    ),
    transient: optionsObject({ kind: v.literal('transient'), code }, what),
    'rate-limit': optionsObject({ kind: v.literal('rate-limit'), code }, what),
    'malformed-json': optionsObject({ kind: v.literal('malformed-json') }, what),
    'drop-connection': optionsObject({ kind: v.literal('drop-connection') }, what),
    'stall-body': optionsObject({ kind: v.literal('stall-body') }, what),
  };
  const unknownKind = v.custom<never>(
    () => false,
    `must be one of ${Object.keys(kinds).join(', ')}, or an object with one of them as its kind`,
  );
  const schemaOf = (kind: unknown): v.GenericSchema<unknown, Fault> =>
    typeof kind === 'string' && Object.hasOwn(kinds, kind) ? kinds[kind as FaultKind] : unknownKind;
  return v.lazy((input): v.GenericSchema<unknown, Fault> => {
    if (typeof input === 'string')
      return v.pipe(
        v.string(),
        v.transform((kind): unknown => ({ kind })),
        schemaOf(input),
      );
    return schemaOf(typeof input === 'object' && input !== null ? (input as { readonly kind?: unknown }).kind : undefined);
  });
})();
