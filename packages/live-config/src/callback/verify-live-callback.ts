import { CallbackSignatureError, parseRequestTime, verifyCallback, type Clock } from '@tokenwire/core';
import { expected, parseInput } from '@tokenwire/core/internal';
import * as v from 'valibot';
import type { EntriesOf } from '../validation/entries-of.js';
import { callbackEventTime } from './events/callback-event-time.js';
import { LIVE_CALLBACK_BODY_SCHEMAS } from './events/live-callback-body-schemas.js';
import type {
  CallbackCommandMismatch,
  KnownLiveCallbackEvent,
  LiveCallbackEvent,
  LiveCallbackMetadata,
} from './events/live-callback-event.js';
import { callbackSource, type CallbackInput } from './callback-source.js';
import { canonicalCallbackCommand, isKnownCallbackCommand } from './known-callback-commands.js';
import { objectMessage } from '../validation/object-message.js';
import { parseJsonExact } from './parse-json-exact.js';
import { readCallbackQuery } from './read-callback-query.js';

/** Options of {@link verifyLiveCallback}. */
export interface VerifyLiveCallbackOptions {
  /** Your SDKAppID; a callback for another app is refused (`sdkappid_mismatch`). */
  readonly sdkAppId: number;
  /**
   * Your callback token, or several during a rotation (`[current, previous]`; blank entries are ignored). Every
   * callback must then carry a valid `Sign` and a fresh `RequestTime`. Pass `null` only when token
   * authentication is off at Tencent (`setCallbackToken(client, { enabled: false })` or no token configured):
   * callbacks are then accepted unsigned, after the `SdkAppid` check — an empty list is refused instead
   * (`no_tokens`), so a missing secret never turns verification off silently.
   */
  readonly tokens: string | readonly (string | null | undefined)[] | null;
  /** Clock in milliseconds since the epoch; default `Date.now`. */
  readonly now?: Clock | undefined;
  /** Largest accepted distance between `RequestTime` and now, in seconds. Default 60, as Tencent requires. */
  readonly toleranceSeconds?: number | undefined;
}

const OptionsSchema: v.GenericSchema<unknown, VerifyLiveCallbackOptions> = /* @__PURE__ */ (() =>
  v.strictObject(
    {
      sdkAppId: v.pipe(
        v.number(expected('must be a positive integer (the SDKAppID from the console)')),
        v.safeInteger('must be a safe integer'),
        v.minValue(1, 'must be a positive integer (the SDKAppID from the console)'),
      ),
      tokens: v.nullable(
        v.union([v.string(), v.array(v.nullish(v.string()))], 'must be a token, an array of tokens, or null (signing off)'),
      ),
      now: v.optional(v.custom<Clock>((value) => typeof value === 'function', 'must be a clock function')),
      toleranceSeconds: v.optional(
        v.pipe(
          v.number('must be a number of seconds'),
          v.check((seconds) => Number.isFinite(seconds) && seconds >= 0, 'must be a finite non-negative number of seconds'),
        ),
      ),
    } satisfies EntriesOf<VerifyLiveCallbackOptions>,
    objectMessage('sdkAppId, tokens, now or toleranceSeconds'),
  ))();

/**
 * Checks verification options: what {@link verifyLiveCallback} does on every call, and
 * `createLiveCallbackVerifier` once. The result is a fresh object (the token list copied), so changing the
 * caller's options afterwards changes nothing.
 *
 * @throws `ValidationError` for bad options or an unknown option among them.
 * @internal
 */
export function checkVerificationOptions(options: VerifyLiveCallbackOptions, subject: string): VerifyLiveCallbackOptions {
  return parseInput(OptionsSchema, options, subject);
}

const DECIMAL = /^[1-9][0-9]{0,15}$/;

/** Refuses a request that is not a callback of this app, before its signature is checked (`malformed_request`). */
function refuseRequest(message: string): never {
  throw new CallbackSignatureError('malformed_request', message);
}

/** Refuses the body of an authenticated callback (`malformed_body`): the signature verified, the body is not a callback. */
function refuseBody(message: string): never {
  throw new CallbackSignatureError('malformed_body', message);
}

/**
 * Which command a callback is, from its URL's and its body's `CallbackCommand` (either may be absent): they agree,
 * or the body's when tokenwire knows it — its fields are what gets typed — or else the URL's. A documented alias
 * stands for the command it spells differently. A disagreement is reported, never refused: Tencent's own pages
 * name some commands differently in the table and in the sample.
 */
function resolveCommand(
  queryCommand: string | undefined,
  bodyCommand: string | undefined,
): { command: string; mismatch: CallbackCommandMismatch | undefined } {
  if (queryCommand === undefined && bodyCommand === undefined)
    refuseBody('The callback has no CallbackCommand, neither in the URL query nor in the body');
  const query = queryCommand === undefined ? undefined : canonicalCallbackCommand(queryCommand);
  const body = bodyCommand === undefined ? undefined : canonicalCallbackCommand(bodyCommand);
  const command = body !== undefined && (query === undefined || isKnownCallbackCommand(body)) ? body : (query as string);
  const mismatch =
    queryCommand !== undefined && bodyCommand !== undefined && queryCommand !== bodyCommand
      ? { query: queryCommand, body: bodyCommand }
      : undefined;
  return { command, mismatch };
}

/** Paths and expectations of the first issues, never the received values (a body may carry user data). */
function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const path = v.getDotPath(issue);
      // JSON has no `undefined`: an undefined input is a missing field.
      return `${path ?? '(body)'}: ${issue.input === undefined ? 'missing' : `expected ${issue.expected ?? issue.type}`}`;
    })
    .join('; ');
}

/**
 * Verifies a TUILiveKit callback and returns it as a typed event.
 *
 * In order: the input must be an unread `Request` or `{ url, body }` with a raw body; Tencent's query parameters
 * are read case-insensitively (a repeated one is refused); `SdkAppid` must equal yours; `Sign` and `RequestTime`
 * must be present and valid for one of `tokens` within `toleranceSeconds` (via core's `verifyCallback`, in
 * constant time). Only then is the body read — once, byte for byte (`rawBytes`; `rawBody` is their exact UTF-8
 * text) — and parsed with {@link parseJsonExact}, so integers beyond 2^53 survive exactly (as decimal strings). Known commands get their body checked against the schema
 * in `LIVE_CALLBACK_BODY_SCHEMAS`, which require only what identifies the event (the room id) and accept every
 * documented variant of the rest. Commands tokenwire does not know, and known commands whose body does not match
 * its schema, come back as a generic event (`known: false`; `shapeIssues` describes a mismatch), not as an error:
 * the callback is authentic, so answer it with your policy rather than as a forgery. A URL and a body that name
 * different commands are handed over too, with `commandMismatch` (see {@link LiveCallbackMetadata}); the event's
 * time, wherever the body carries it, is `eventTime`.
 *
 * The signature covers only the token and the time, not the body: use an https callback URL.
 *
 * This checks `options` on every call. A server builds a verifier once instead, with
 * {@link createLiveCallbackVerifier}: the same verification, its options checked when the server starts.
 *
 * @throws `CallbackSignatureError` with `reason`:
 *   `sdkappid_mismatch` (another app's callback), `missing_signature` (no `Sign`/`RequestTime` while tokens are
 *   configured), `malformed_request_time`, `stale_request_time` (older or newer than the tolerance),
 *   `signature_mismatch` (forged, or signed with a token you do not have), `no_tokens` (an empty or all-blank
 *   token list, whether or not the callback is signed), `malformed_request` (before the signature check: body
 *   already read, a parsed body, no `SdkAppid`, a repeated parameter — the request is not authenticated, answer it
 *   like a forgery), `malformed_body` (after it: the signature verified — or `tokens` is `null` — but the body
 *   could not be read, is not valid UTF-8, is not a JSON object, or no `CallbackCommand` is in it nor in the URL; an authentic sender
 *   may be told why). No message contains a token or the expected signature.
 * @throws `ValidationError` for bad options, an unknown option among them (a misspelt `toleranceSecond`).
 * @example
 * ```ts
 * export default {
 *   async fetch(request: Request, env: Env) {
 *     const event = await verifyLiveCallback(request, { sdkAppId: 1400000000, tokens: [env.TOKEN, env.PREVIOUS_TOKEN] });
 *     if (event.known && event.command === 'Live.CallbackAfterDestroyRoom') await archive(event.body.RoomId);
 *     return callbackAck();
 *   },
 * };
 * ```
 */
export async function verifyLiveCallback(request: CallbackInput, options: VerifyLiveCallbackOptions): Promise<LiveCallbackEvent> {
  return verifyWithCheckedOptions(request, checkVerificationOptions(options, 'callback verification options'));
}

/**
 * {@link verifyLiveCallback} with options already checked by {@link checkVerificationOptions}: the one
 * implementation behind it and `createLiveCallbackVerifier`'s `verify`.
 *
 * @internal
 */
export async function verifyWithCheckedOptions(request: CallbackInput, checked: VerifyLiveCallbackOptions): Promise<LiveCallbackEvent> {
  const source = callbackSource(request);
  const query = readCallbackQuery(source.url);

  if (query.sdkAppId === undefined) refuseRequest('The callback URL has no SdkAppid query parameter; it is not a Tencent callback');
  if (!DECIMAL.test(query.sdkAppId) || Number(query.sdkAppId) !== checked.sdkAppId) {
    throw new CallbackSignatureError(
      'sdkappid_mismatch',
      `The callback is for SDKAppID ${JSON.stringify(query.sdkAppId.slice(0, 20))}, not ${checked.sdkAppId}: check which app's callback URL points here`,
    );
  }

  let signed = false;
  let sign: string | undefined;
  if (checked.tokens !== null) {
    const tokens = typeof checked.tokens === 'string' ? [checked.tokens] : checked.tokens;
    if (!tokens.some((token) => typeof token === 'string' && token.trim() !== '')) {
      throw new CallbackSignatureError(
        'no_tokens',
        'No callback token to verify with (the token list is empty or blank): check that your secret is set, or pass tokens: null while authentication is off',
      );
    }
    if (query.sign === undefined || query.requestTime === undefined) {
      throw new CallbackSignatureError(
        'missing_signature',
        `The callback has no ${query.sign === undefined ? 'Sign' : 'RequestTime'} query parameter but callback tokens are configured: ` +
          'turn token authentication on (setCallbackToken(client, { enabled: true })), make sure your proxy keeps the query, ' +
          'or pass tokens: null while authentication is off',
      );
    }
    verifyCallback({
      tokens: checked.tokens,
      sign: query.sign,
      requestTime: query.requestTime,
      ...(checked.now === undefined ? {} : { now: checked.now }),
      ...(checked.toleranceSeconds === undefined ? {} : { toleranceSeconds: checked.toleranceSeconds }),
    });
    signed = true;
    sign = query.sign.toLowerCase();
  }

  const { bytes: rawBytes, text: rawBody } = await source.readBody();
  // A leading byte order mark is no part of the JSON text: parsers may ignore it (RFC 8259 §8.1); rawBody keeps it.
  const jsonText = rawBody.startsWith('\uFEFF') ? rawBody.slice(1) : rawBody;
  const parsed = parseJsonExact(jsonText);
  if (!parsed.ok) refuseBody(`The callback body is not valid JSON (${parsed.message} at character ${parsed.position})`);
  const body = parsed.value;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) refuseBody('The callback body is not a JSON object');

  // A body CallbackCommand that is not a non-empty string does not name a command; the body schema reports it.
  const bodyField = Object.hasOwn(body, 'CallbackCommand') ? body['CallbackCommand'] : undefined;
  const bodyCommand = typeof bodyField === 'string' && bodyField !== '' ? bodyField : undefined;
  const { command, mismatch } = resolveCommand(query.command === '' ? undefined : query.command, bodyCommand);

  const metadata: LiveCallbackMetadata = {
    sdkAppId: checked.sdkAppId,
    clientIp: query.clientIp,
    optPlatform: query.optPlatform,
    requestTime: query.requestTime === undefined ? undefined : parseRequestTime(query.requestTime),
    contentType: query.contentType,
    signed,
    sign,
    rawBody,
    rawBytes,
    eventTime: callbackEventTime(body),
    commandMismatch: mismatch,
  };

  if (!isKnownCallbackCommand(command)) return { ...metadata, known: false, command, body, shapeIssues: undefined };
  const result = v.safeParse(LIVE_CALLBACK_BODY_SCHEMAS[command], body);
  if (!result.success) return { ...metadata, known: false, command, body, shapeIssues: describeIssues(result.issues) };
  // The body is the output of `command`'s own schema; TypeScript cannot pair the two across the union of commands.
  return { ...metadata, known: true, command, body: result.output } as KnownLiveCallbackEvent;
}
