import { signCallback } from '@tokenwire/core';
import { describeType, expected, numberIn } from '@tokenwire/core/internal';
import * as v from 'valibot';

// How Tencent sends a callback, shared by `emitCallback` (which delivers it) and `createSignedCallbackRequest`
// (which hands it to a test): the URL's query, the signature and the JSON body.

/** What a callback is POSTed with: the plain `init` of a `fetch(url, init)` call. */
export interface CallbackRequestInit {
  readonly method: 'POST';
  /** `content-type: application/json; charset=utf-8`, as Tencent sends it. */
  readonly headers: Readonly<Record<string, string>>;
  /** The JSON text of the callback. */
  readonly body: string;
}

/**
 * A callback body as {@link CallbackBodySchema} leaves it: raw JSON text, sent as it is, or the JSON text of an
 * object's fields without `CallbackCommand`, which {@link callbackRequest} puts first.
 */
export type SerializedCallbackBody = { readonly raw: string } | { readonly fields: string };

/**
 * A callback body (`CallbackBody`), serialised, so a body that cannot be sent is refused before anything is: an
 * object must serialise to a JSON object (a `BigInt` does not: pass raw JSON text for integers beyond 2^53).
 */
export const CallbackBodySchema: v.GenericSchema<unknown, SerializedCallbackBody> = /* @__PURE__ */ (() =>
  v.pipe(
    v.unknown(),
    v.rawTransform(({ dataset, addIssue, NEVER }): SerializedCallbackBody => {
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

/** A non-empty string, for command words. */
export const CommandWordSchema: v.GenericSchema<unknown, string> = /* @__PURE__ */ (() =>
  v.pipe(v.string(expected('must be a non-empty string')), v.nonEmpty('must be a non-empty string')))();

/** The options of a callback's query that a test may choose, shared by `emitCallback` and `createSignedCallbackRequest`. */
export const CALLBACK_QUERY_OPTION_ENTRIES = /* @__PURE__ */ (() => ({
  requestTime: v.optional(numberIn(0, Number.MAX_SAFE_INTEGER, 'must be a non-negative integer of Unix seconds', true)),
  clientIp: v.optional(v.string(expected('must be a string'))),
  optPlatform: v.optional(v.string(expected('must be a string'))),
  queryCommand: v.optional(CommandWordSchema),
}))();

/** The service's default for `ClientIP`, as in Tencent's example URL. */
const DEFAULT_CLIENT_IP = '127.0.0.1';
/** The service's default for `OptPlatform`: callbacks caused by REST calls. */
const DEFAULT_OPT_PLATFORM = 'RESTAPI';

/** Everything a callback is made of. */
export interface CallbackRequestParts {
  /** The receiver URL as configured (`Url` of `set_callback`); its own query is kept, a fragment dropped. */
  readonly url: string;
  readonly sdkAppId: number;
  /** The command, which an object body gets as its `CallbackCommand`. */
  readonly command: string;
  readonly body: SerializedCallbackBody;
  /** The URL's `CallbackCommand`, when a dialect spells it otherwise. Default: `command`. */
  readonly queryCommand?: string | undefined;
  readonly clientIp?: string | undefined;
  readonly optPlatform?: string | undefined;
  /** Signs the callback (`Sign`, `RequestTime`); without it the URL carries neither, as when the token is off. */
  readonly signature?: { readonly token: string; readonly requestTime: number } | undefined;
}

/** A callback as Tencent sends it: the URL with its query, the POST's init, and the secrets it carries. */
export interface CallbackRequest {
  readonly url: string;
  readonly init: CallbackRequestInit;
  /** The token and `Sign`, to redact from anything a person reads. */
  readonly secrets: readonly string[];
}

/** The JSON text of the callback: raw text as it is; an object's fields after `CallbackCommand`. */
function payloadOf(command: string, body: SerializedCallbackBody): string {
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

/**
 * Builds a callback the way Tencent sends it: a POST of the JSON body to the configured URL with `SdkAppid`,
 * `CallbackCommand`, `contenttype=json`, `ClientIP` and `OptPlatform` appended, then `Sign` and `RequestTime`
 * when it is signed.
 */
export function callbackRequest(parts: CallbackRequestParts): CallbackRequest {
  const parameters: [string, string][] = [
    ['SdkAppid', String(parts.sdkAppId)],
    ['CallbackCommand', parts.queryCommand ?? parts.command],
    ['contenttype', 'json'],
    ['ClientIP', parts.clientIp ?? DEFAULT_CLIENT_IP],
    ['OptPlatform', parts.optPlatform ?? DEFAULT_OPT_PLATFORM],
  ];
  const secrets: string[] = [];
  if (parts.signature !== undefined) {
    const { token, requestTime } = parts.signature;
    const sign = signCallback({ token, requestTime });
    parameters.push(['Sign', sign], ['RequestTime', String(requestTime)]);
    secrets.push(token, sign);
  }
  return {
    url: callbackUrl(parts.url, parameters),
    init: { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: payloadOf(parts.command, parts.body) },
    secrets,
  };
}
