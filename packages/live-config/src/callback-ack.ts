import * as v from 'valibot';
import type { IntegerSchema } from './callback-events/callback-field-schemas.js';
import { objectMessage, parseInput } from './parse-input.js';

// Module-level schemas are built inside `@__PURE__` IIFEs so bundlers drop the unused ones (README: bundle size).

/** Options of {@link callbackAck}. Every field is optional. */
export interface CallbackAckOptions {
  /**
   * `true` (default) accepts the callback; `false` refuses it — for a "before" callback such as
   * `Live.CallbackBeforeSendGift`, that blocks the action. Defaults to `true` unless a non-zero `errorCode` is
   * given.
   */
  readonly ok?: boolean | undefined;
  /** `ErrorCode` to answer: 0 to accept, any other integer to refuse. Default 0, or 1 when `ok` is `false`. */
  readonly errorCode?: number | undefined;
  /** `ErrorInfo` to answer; default `''`. Tencent may show it to the user whose action was refused. */
  readonly errorInfo?: string | undefined;
}

/** The JSON body of a callback answer: `{ ActionStatus, ErrorCode, ErrorInfo }`. */
export const CallbackAckBodySchema: v.ObjectSchema<
  {
    readonly ActionStatus: v.PicklistSchema<['OK', 'FAIL'], undefined>;
    readonly ErrorCode: IntegerSchema;
    readonly ErrorInfo: v.StringSchema<undefined>;
  },
  undefined
> = /* @__PURE__ */ (() =>
  v.object({
    ActionStatus: v.picklist(['OK', 'FAIL']),
    ErrorCode: v.pipe(v.number(), v.integer()),
    ErrorInfo: v.string(),
  }))();

/** The JSON body of a callback answer. */
export type CallbackAckBody = v.InferOutput<typeof CallbackAckBodySchema>;

const OptionsSchema = /* @__PURE__ */ (() =>
  v.pipe(
    v.strictObject(
      {
        ok: v.optional(v.boolean('must be a boolean')),
        errorCode: v.optional(v.pipe(v.number('must be a number'), v.safeInteger('must be an integer'))),
        errorInfo: v.optional(v.string('must be a string')),
      },
      objectMessage('ok, errorCode or errorInfo'),
    ),
    v.check(
      (options) => !(options.ok === true && options.errorCode !== undefined && options.errorCode !== 0),
      'ok: true contradicts a non-zero errorCode',
    ),
    v.check((options) => !(options.ok === false && options.errorCode === 0), 'ok: false needs a non-zero errorCode (0 means accepted)'),
  ))();

/**
 * The answer Tencent expects from a callback receiver: HTTP 200 with the JSON body
 * `{ "ActionStatus": "OK"|"FAIL", "ErrorCode": 0|n, "ErrorInfo": "…" }`. Tencent counts a callback as failed
 * when the status is not 200 or the body is not JSON, so always answer with this — also when you refuse.
 *
 * For "after" callbacks the code is ignored. For "before" callbacks it decides: with
 * `Live.CallbackBeforeSendGift`, any non-zero `ErrorCode` blocks the gift (and so does no answer within 2 s,
 * unless the non-blocking option `Live.CallbackBeforeCallBackNotBlock` is configured).
 *
 * @throws `ValidationError` for contradictory or mistyped options.
 * @example
 * ```ts
 * return callbackAck();                                                        // accept
 * return callbackAck({ ok: false, errorCode: 1001, errorInfo: 'not enough coins' }); // block the gift
 * ```
 */
export function callbackAck(options: CallbackAckOptions = {}): Response {
  const input = parseInput(OptionsSchema, options, 'callback answer options');
  const errorCode = input.errorCode ?? (input.ok === false ? 1 : 0);
  const body: CallbackAckBody = {
    ActionStatus: errorCode === 0 ? 'OK' : 'FAIL',
    ErrorCode: errorCode,
    ErrorInfo: input.errorInfo ?? '',
  };
  return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' } });
}
