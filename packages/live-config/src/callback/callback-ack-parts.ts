import { parseInput } from '@tokenwire/core/internal';
import * as v from 'valibot';
import type { EntriesOf } from '../validation/entries-of.js';

/**
 * What a callback answer says:
 *
 * - `accept` — processed, go on: `ActionStatus` `OK`, `ErrorCode` 0;
 * - `refuse` — processed, and the answer is no: `ActionStatus` `OK` with a non-zero `ErrorCode`. For a "before"
 *   callback such as `Live.CallbackBeforeSendGift` this blocks the action; "after" callbacks ignore the code.
 *   This is how Tencent's own moderation server refuses (Tencent-RTC/TUILiveKit_Manager);
 * - `retry` — could not process it: `ActionStatus` `FAIL`. Tencent counts the callback as failed, which is *not* a
 *   refusal: with the non-blocking before-gift option a failed callback lets the gift through (647/121916).
 */
export type CallbackAckKind = 'accept' | 'refuse' | 'retry';

/** Options of {@link callbackAck} that accept the callback (the default). */
export interface CallbackAcceptOptions {
  readonly kind?: 'accept' | undefined;
}

/** Options of {@link callbackAck} that refuse the action, or answer that the callback could not be processed. */
export interface CallbackRefuseOptions {
  /** `refuse` (`OK` + non-zero `ErrorCode`: blocks a before-callback's action) or `retry` (`FAIL`: a failed callback). */
  readonly kind: 'refuse' | 'retry';
  /** `ErrorCode` to answer: a non-zero integer, default 1. Tencent may log or show it. */
  readonly errorCode?: number | undefined;
  /** `ErrorInfo` to answer; default `''`. Tencent may show it to the user whose action was refused. */
  readonly errorInfo?: string | undefined;
}

/** Options of {@link callbackAck}: say which answer you mean with `kind` ({@link CallbackAckKind}). */
export type CallbackAckOptions = CallbackAcceptOptions | CallbackRefuseOptions;

/** The JSON body of a callback answer, as {@link callbackAck} writes it. */
export interface CallbackAckBody {
  /** `OK`: processed (accepted or refused by `ErrorCode`); `FAIL`: could not be processed. */
  readonly ActionStatus: 'OK' | 'FAIL';
  /** 0 accepts; any other integer refuses (with `OK`) or says why processing failed (with `FAIL`). */
  readonly ErrorCode: number;
  /** Shown or logged by Tencent; `''` when there is nothing to say. */
  readonly ErrorInfo: string;
}

const KINDS = "'accept', 'refuse' or 'retry'";

/** Messages of the strict options objects: unknown fields say what to use instead (`ok` was the old API). */
function optionsMessage(kind: CallbackAckKind): (issue: v.StrictObjectIssue) => string {
  const fields = kind === 'accept' ? 'kind' : 'kind, errorCode or errorInfo';
  return (issue) => {
    const key = issue.path?.at(-1)?.key;
    if (issue.expected !== 'never')
      return issue.path !== undefined && issue.path.length > 0 ? 'is required' : `must be an object with ${fields}`;
    if (key === 'ok') {
      return (
        "is not supported: say which answer you mean — { kind: 'refuse', errorCode, errorInfo } blocks a before-callback's action " +
        "(ActionStatus OK with a non-zero ErrorCode), { kind: 'retry' } answers FAIL (could not process; not a refusal)"
      );
    }
    if (kind === 'accept' && (key === 'errorCode' || key === 'errorInfo')) {
      return "needs kind: 'refuse' (ActionStatus OK with a non-zero ErrorCode) or kind: 'retry' (ActionStatus FAIL); an accepted callback answers ErrorCode 0";
    }
    return `is not a known field (expected ${fields})`;
  };
}

const AcceptSchema: v.GenericSchema<unknown, CallbackAcceptOptions> = /* @__PURE__ */ (() =>
  v.strictObject(
    { kind: v.optional(v.picklist(['accept'], `must be ${KINDS}`)) } satisfies EntriesOf<CallbackAcceptOptions>,
    optionsMessage('accept'),
  ))();

function refusalSchema(kind: 'refuse' | 'retry'): v.GenericSchema<unknown, CallbackRefuseOptions> {
  return v.strictObject(
    {
      kind: v.literal(kind),
      errorCode: v.optional(
        v.pipe(
          v.number('must be a number'),
          v.safeInteger('must be an integer'),
          v.check((code) => code !== 0, `must not be 0 (0 accepts: use kind: 'accept')`),
        ),
      ),
      errorInfo: v.optional(v.string('must be a string')),
    } satisfies EntriesOf<CallbackRefuseOptions>,
    optionsMessage(kind),
  );
}

const RefuseSchema = /* @__PURE__ */ (() => refusalSchema('refuse'))();
const RetrySchema = /* @__PURE__ */ (() => refusalSchema('retry'))();

/** The schema for `options`, chosen by its `kind` (an unknown `kind` is reported by the accept schema). */
function schemaFor(options: unknown) {
  const kind = typeof options === 'object' && options !== null ? (options as { kind?: unknown }).kind : undefined;
  return kind === 'refuse' ? RefuseSchema : kind === 'retry' ? RetrySchema : AcceptSchema;
}

/**
 * A callback answer as plain parts — HTTP status, headers and JSON body text — for servers that do not answer with a
 * web `Response` (Express, Fastify, Koa, `node:http`). {@link callbackAck} is the same answer as a `Response`.
 */
export interface CallbackAckParts {
  /** Always 200: Tencent counts any other status as a failed delivery, whatever the body says. */
  readonly status: 200;
  /** `content-type: application/json; charset=utf-8`. */
  readonly headers: Readonly<Record<'content-type', string>>;
  /** The JSON text of a {@link CallbackAckBody}. */
  readonly body: string;
}

/**
 * The answer Tencent expects from a callback receiver, as plain parts: `{ status: 200, headers, body }` with the
 * JSON body `{ "ActionStatus": "OK"|"FAIL", "ErrorCode": 0|n, "ErrorInfo": "…" }`. Use it where the framework
 * writes status, headers and body itself; {@link callbackAck} gives the same answer as a web `Response`.
 *
 * Say which answer you mean with `kind` ({@link CallbackAckKind}): nothing (or `kind: 'accept'`) accepts,
 * `kind: 'refuse'` blocks a before-callback's action (`OK` with a non-zero code, default 1), `kind: 'retry'` answers
 * `FAIL` — could not process, which Tencent counts as a failed callback, not as a refusal.
 *
 * @throws `ValidationError` for mistyped or unknown options, an `errorCode` of 0 with `refuse`/`retry`, and the
 *   old `{ ok: false }` form: the message says which `kind` to use instead.
 * @example
 * ```ts
 * // Fastify
 * const ack = callbackAckParts({ kind: 'refuse', errorCode: 1001, errorInfo: 'not enough coins' });
 * return reply.code(ack.status).headers(ack.headers).send(ack.body);
 * ```
 */
export function callbackAckParts(options: CallbackAckOptions = {}): CallbackAckParts {
  const input = parseInput(schemaFor(options), options, 'callback answer options');
  const body: CallbackAckBody =
    input.kind === 'refuse' || input.kind === 'retry'
      ? { ActionStatus: input.kind === 'retry' ? 'FAIL' : 'OK', ErrorCode: input.errorCode ?? 1, ErrorInfo: input.errorInfo ?? '' }
      : { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' };
  return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) };
}
