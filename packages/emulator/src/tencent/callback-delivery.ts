import { redactSecrets, redactUrl, signCallback, type Clock } from '@tokenwire/core';
import {
  describeType,
  expected,
  functionSchema,
  numberIn,
  optionsObject,
  parseInput,
  TimeoutSchema,
  untilAborted,
} from '@tokenwire/core/internal';
import * as v from 'valibot';
import { readCallbackAnswer } from './callback-answer.js';
import type { CallbackConfiguration, CallbackTokenConfiguration } from './live-config-state.js';

/**
 * A callback body: an object (sent as JSON, with `CallbackCommand` set to the command) or raw JSON text, sent
 * byte for byte, so a test can carry integers beyond 2^53 exactly (LiveKit sends such ids) or even a malformed
 * body.
 */
export type CallbackBody = Readonly<Record<string, unknown>> | string;

/** Per-call options of `emitCallback`. */
export interface EmitCallbackOptions {
  /** The fetch the callback goes through; overrides the service's `callbackFetch`. */
  readonly fetch?: typeof fetch;
  /** `RequestTime` in Unix seconds (signed into `Sign`); defaults to the service clock. Set it to test staleness. */
  readonly requestTime?: number;
  /** The `ClientIP` query parameter. Defaults to `127.0.0.1`. */
  readonly clientIp?: string;
  /** The `OptPlatform` query parameter. Defaults to `RESTAPI`. */
  readonly optPlatform?: string;
  /** Overrides the service's callback timeout for this call, in milliseconds. */
  readonly timeoutMs?: number;
  /**
   * The `CallbackCommand` the URL carries, when a documented dialect spells it differently from `command` — the
   * member-state page (647/64424) names `Live.CallbackMemberStateChanged` in its table. `command` is still the
   * one `CallbackCommandList` must enable, and the one an object body gets. Default: `command`. The samples of
   * `callbackSample` carry it as `queryCommand`.
   */
  readonly queryCommand?: string;
}

/** Why a callback was not sent. */
export type CallbackSkipReason = 'callback_not_configured' | 'command_not_enabled';

/** No callback was sent: no callback URL is configured, or the command is not in `CallbackCommandList`. */
export interface CallbackDeliverySkipped {
  readonly attempted: false;
  readonly delivered: false;
  readonly accepted: false;
  readonly reason: CallbackSkipReason;
}

/** A callback was sent; what the receiver answered. */
export interface CallbackDeliveryAttempt {
  readonly attempted: true;
  /**
   * Whether Tencent would count the callback as delivered: the receiver answered HTTP 200 with a JSON body that
   * is not `ActionStatus` `FAIL`. A timeout, a refused or dropped connection, another status, a non-JSON body or
   * a `FAIL` answer (the receiver could not process it) count as failed.
   */
  readonly delivered: boolean;
  /** Delivered, and the answer's `ErrorCode` is 0 (for "before" callbacks: the action may go on). */
  readonly accepted: boolean;
  /**
   * Delivered, and refused: `ActionStatus` `OK` (or none) with a non-zero `ErrorCode` — for a "before" callback
   * such as `Live.CallbackBeforeSendGift` the action is blocked. A `FAIL` answer is not a refusal but a failed
   * delivery (`delivered: false`).
   */
  readonly refused: boolean;
  /** The URL the callback was posted to, with `Sign` redacted. */
  readonly url: string;
  /** The HTTP status, when the receiver answered. */
  readonly status?: number;
  /** The parsed JSON body of the answer, when it was JSON. */
  readonly body?: unknown;
  /** Why the callback was not accepted, when it was not. Never contains the token or `Sign`. */
  readonly error?: string;
  /** Time from sending to the end of the answer (or the failure), on the service clock. */
  readonly durationMs: number;
}

/** The outcome of `emitCallback`. */
export type CallbackDeliveryResult = CallbackDeliverySkipped | CallbackDeliveryAttempt;

/** Everything {@link deliverCallback} needs from the service. */
export interface CallbackDeliveryContext {
  readonly sdkAppId: number;
  readonly callback: CallbackConfiguration | undefined;
  readonly callbackToken: CallbackTokenConfiguration | undefined;
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
  readonly now: Clock;
}

/** The service's default for `ClientIP`, as in Tencent's example URL. */
const DEFAULT_CLIENT_IP = '127.0.0.1';
/** The service's default for `OptPlatform`: callbacks caused by REST calls. */
const DEFAULT_OPT_PLATFORM = 'RESTAPI';

/**
 * A callback body as its schema leaves it: raw JSON text, sent as it is, or the JSON text of an object's fields
 * without `CallbackCommand`, which {@link payloadOf} puts first.
 */
type SerializedBody = { readonly raw: string } | { readonly fields: string };

/** A {@link CallbackBody}, serialised: checked before anything is sent. */
const CallbackBodySchema: v.GenericSchema<unknown, SerializedBody> = /* @__PURE__ */ (() =>
  v.pipe(
    v.unknown(),
    v.rawTransform(({ dataset, addIssue, NEVER }): SerializedBody => {
      const body = dataset.value;
      if (typeof body === 'string') return { raw: body };
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        addIssue({ message: `must be an object or a JSON string, got ${describeType(body)}` });
        return NEVER;
      }
      let text: string | undefined;
      try {
        text = JSON.stringify(Object.fromEntries(Object.entries(body).filter(([key]) => key !== 'CallbackCommand')));
      } catch {
        text = undefined; // a BigInt, a cycle, a throwing toJSON
      }
      if (text?.startsWith('{')) return { fields: text };
      addIssue({ message: 'cannot be serialized to a JSON object (pass raw JSON text for integers beyond 2^53)' });
      return NEVER;
    }),
  ))();

/** The arguments of `emitCallback`, checked together so that every problem is reported at once. */
const EmitCallbackArgumentsSchema = /* @__PURE__ */ (() => {
  const nonEmpty = v.pipe(v.string(expected('must be a non-empty string')), v.nonEmpty('must be a non-empty string'));
  return v.object({
    command: nonEmpty,
    body: CallbackBodySchema,
    options: v.optional(
      optionsObject(
        {
          fetch: v.optional(functionSchema<typeof fetch>()),
          requestTime: v.optional(numberIn(0, Number.MAX_SAFE_INTEGER, 'must be a non-negative integer of Unix seconds', true)),
          clientIp: v.optional(v.string(expected('must be a string'))),
          optPlatform: v.optional(v.string(expected('must be a string'))),
          timeoutMs: v.optional(TimeoutSchema),
          queryCommand: v.optional(nonEmpty),
        },
        'an object of emitCallback options',
      ),
      {},
    ),
  });
})();

/** The JSON text of the callback: raw text as it is; an object's fields after `CallbackCommand`. */
function payloadOf(command: string, body: SerializedBody): string {
  if ('raw' in body) return body.raw;
  const head = `{"CallbackCommand":${JSON.stringify(command)}`;
  return body.fields === '{}' ? `${head}}` : `${head},${body.fields.slice(1)}`;
}

/** Appends the query parameters Tencent adds, in Tencent's order, to the configured URL (minus any fragment). */
function callbackUrl(configured: string, parameters: readonly (readonly [string, string])[]): string {
  const hash = configured.indexOf('#');
  const base = hash === -1 ? configured : configured.slice(0, hash);
  const query = parameters.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
  const separator = !base.includes('?') ? '?' : base.endsWith('?') || base.endsWith('&') ? '' : '&';
  return `${base}${separator}${query}`;
}

function describeFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error.message}${cause}`;
}

/**
 * Sends one callback the way Tencent does, if the app has a callback URL and `command` is in its
 * `CallbackCommandList`: a POST of the JSON body to the URL with `SdkAppid`, `CallbackCommand`,
 * `contenttype=json`, `ClientIP` and `OptPlatform` appended, plus `Sign` and `RequestTime` when a token is
 * configured and enabled. The whole exchange (headers and body) must finish within the timeout. Redirects are
 * not followed: a 3xx is an answer other than 200, so the callback fails. The answer is read as Tencent reads it:
 * `ErrorCode` 0 accepts, a non-zero code with `ActionStatus` `OK` refuses, `FAIL` is a failed delivery.
 *
 * @throws {@link @tokenwire/core!ValidationError | ValidationError} for a bad command, body or option; nothing is sent
 *   then.
 */
export async function deliverCallback(
  context: CallbackDeliveryContext,
  command: string,
  body: CallbackBody,
  emitOptions?: EmitCallbackOptions,
): Promise<CallbackDeliveryResult> {
  const checked = parseInput(EmitCallbackArgumentsSchema, { command, body, options: emitOptions }, 'callback emission');
  const { options } = checked;
  const config = context.callback;
  if (config === undefined) return { attempted: false, delivered: false, accepted: false, reason: 'callback_not_configured' };
  if (!config.commands.includes(command)) {
    return { attempted: false, delivered: false, accepted: false, reason: 'command_not_enabled' };
  }

  const payload = payloadOf(command, checked.body);
  const parameters: [string, string][] = [
    ['SdkAppid', String(context.sdkAppId)],
    ['CallbackCommand', options.queryCommand ?? command],
    ['contenttype', 'json'],
    ['ClientIP', options.clientIp ?? DEFAULT_CLIENT_IP],
    ['OptPlatform', options.optPlatform ?? DEFAULT_OPT_PLATFORM],
  ];
  const secrets: string[] = [];
  const tokenConfig = context.callbackToken;
  if (tokenConfig?.enabled) {
    const requestTime = options.requestTime ?? Math.floor(context.now() / 1000);
    const sign = signCallback({ token: tokenConfig.token, requestTime });
    parameters.push(['Sign', sign], ['RequestTime', String(requestTime)]);
    secrets.push(tokenConfig.token, sign);
  }
  const url = callbackUrl(config.url, parameters);
  const shownUrl = redactUrl(url);
  const fetchFunction = options.fetch ?? context.fetch;
  const timeoutMs = options.timeoutMs ?? context.timeoutMs;

  const started = context.now();
  const finish = (
    fields: Omit<CallbackDeliveryAttempt, 'attempted' | 'url' | 'durationMs' | 'refused'> & { refused?: boolean },
  ): CallbackDeliveryAttempt => ({
    attempted: true,
    url: shownUrl,
    refused: false,
    ...fields,
    ...(fields.error === undefined ? {} : { error: redactSecrets(fields.error, secrets) }),
    durationMs: Math.max(0, context.now() - started),
  });

  // Tencent's delivery deadline: when it passes, the request is aborted and the attempt ends at once (core's
  // untilAborted), even if the receiver's fetch does not look at the signal.
  const controller = new AbortController();
  const timedOut = new Error('the receiver did not answer in time');
  const timer = setTimeout(() => controller.abort(timedOut), timeoutMs);
  const exchange = (async () => {
    const request = new Request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: payload,
      redirect: 'manual',
      signal: controller.signal,
    });
    const response = await fetchFunction(request);
    return { status: response.status, text: await response.text() };
  })();

  let answer: { status: number; text: string };
  try {
    answer = await untilAborted(exchange, controller.signal);
  } catch (error) {
    if (error === timedOut)
      return finish({ delivered: false, accepted: false, error: `the receiver did not answer within ${timeoutMs} ms` });
    return finish({ delivered: false, accepted: false, error: `the callback request failed: ${describeFailure(error)}` });
  } finally {
    clearTimeout(timer);
  }

  let parsed: unknown;
  let isJson = true;
  try {
    parsed = JSON.parse(answer.text);
  } catch {
    isJson = false;
  }
  const bodyField = isJson ? { body: parsed } : {};
  if (answer.status !== 200) {
    return finish({
      delivered: false,
      accepted: false,
      status: answer.status,
      ...bodyField,
      error: `the receiver answered HTTP ${answer.status}, not 200`,
    });
  }
  if (!isJson) {
    return finish({ delivered: false, accepted: false, status: 200, error: 'the receiver answered a body that is not JSON' });
  }
  const answered = readCallbackAnswer(parsed);
  const info = (text: string) => (text === '' ? '' : `: ${text}`);
  switch (answered.kind) {
    case 'accepted':
      return finish({ delivered: true, accepted: true, status: 200, body: parsed });
    case 'refused':
      return finish({
        delivered: true,
        accepted: false,
        refused: true,
        status: 200,
        body: parsed,
        error: `the receiver refused with ErrorCode ${answered.errorCode}${info(answered.errorInfo)}`,
      });
    case 'failed':
      return finish({
        delivered: false,
        accepted: false,
        status: 200,
        body: parsed,
        error: `the receiver answered ActionStatus FAIL (it could not process the callback; Tencent counts it as failed, not as a refusal)${info(answered.errorInfo)}`,
      });
    case 'unreadable':
      return finish({
        delivered: true,
        accepted: false,
        status: 200,
        body: parsed,
        error: `the receiver answered JSON that is not a callback answer (${answered.why}, no ErrorCode to go by)`,
      });
  }
}
