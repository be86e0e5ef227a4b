import { systemClock, TencentApiError, ValidationError, type Clock } from '@tokenwire/core';
import { parseInput } from '@tokenwire/core/internal';
import * as v from 'valibot';
import type { EntriesOf } from '../validation/entries-of.js';
import { CallbackTokenSchema } from '../callback/callback-token-schema.js';
import { generateCallbackToken } from './generate-callback-token.js';
import { CALLBACK_TOKEN_NOT_CONFIGURED, getCallbackToken } from './get-callback-token.js';
import type { LiveConfigCallOptions, LiveConfigClient } from './live-config-client.js';
import { objectMessage } from '../validation/object-message.js';
import { sendCallbackToken } from './set-callback-token.js';

/** Default time receivers keep accepting the previous token after a rotation: 5 minutes. */
export const DEFAULT_ROTATION_OVERLAP_SECONDS = 300;

/** Input of {@link rotateCallbackToken}. Every field is optional. */
export interface RotateCallbackTokenOptions {
  /** The new token; default: a fresh {@link generateCallbackToken}(). 1–128 visible ASCII characters. */
  readonly token?: string | undefined;
  /** Clock in milliseconds since the epoch, for `rotatedAtMs` / `keepPreviousUntilMs`. Default `Date.now`. */
  readonly now?: Clock | undefined;
  /**
   * How long after the rotation receivers should keep accepting the previous token, in seconds. Default 300:
   * a callback signed with the previous token just before the switch stays valid for the 60 s replay window,
   * and Tencent may take a while to apply a configuration change everywhere (the console documents about two
   * minutes for a URL change).
   */
  readonly overlapSeconds?: number | undefined;
}

/** What {@link rotateCallbackToken} did. Holds tokens: keep it out of logs. */
export interface CallbackTokenRotation {
  /**
   * The token that was configured before, or `undefined` when none was (first setup) or when `current` was
   * already installed (a re-run after a call that installed it but failed afterwards: the token before it is
   * no longer known, so keep accepting the one you had).
   */
  readonly previous: string | undefined;
  /** The token now installed. */
  readonly current: string;
  /** Whether no token was configured before this call (a first setup, which also enables signing). */
  readonly firstSetup: boolean;
  /** Whether Tencent signs callbacks (unchanged by a rotation; `true` after a first setup). */
  readonly enabled: boolean;
  /** When the new token was installed, in ms since the epoch (from `now`). */
  readonly rotatedAtMs: number;
  /** Until when receivers should keep accepting `previous` too: `rotatedAtMs + overlapSeconds · 1000`. */
  readonly keepPreviousUntilMs: number;
}

const RotateOptionsSchema: v.GenericSchema<unknown, RotateCallbackTokenOptions> = /* @__PURE__ */ (() =>
  v.strictObject(
    {
      token: v.optional(CallbackTokenSchema),
      now: v.optional(
        v.custom<Clock>((value) => typeof value === 'function', 'must be a clock function returning milliseconds since the epoch'),
      ),
      overlapSeconds: v.optional(v.pipe(v.number('must be a number'), v.finite('must be finite'), v.minValue(0, 'must not be negative'))),
    } satisfies EntriesOf<RotateCallbackTokenOptions>,
    objectMessage('token, now or overlapSeconds'),
  ))();

/**
 * Replaces the app's callback token with a new one (generated, or `options.token`) and returns both, so your
 * receivers can accept either while callbacks signed with the old one are still arriving.
 *
 * It reads the current configuration (`get_callback_token`), then installs the new token
 * (`set_callback_token`). When no token was configured, it creates one with signing enabled; otherwise it sends
 * only the token and leaves the enabled flag as it was.
 *
 * Rotation procedure (no callback is ever rejected):
 * 1. Deploy receivers with both tokens: generate the next one first (`const next = generateCallbackToken()`),
 *    store it, and let receivers verify with `tokens: [current, next]`.
 * 2. Rotate: `await rotateCallbackToken(client, { token: next })`. Tencent signs new callbacks with `next`.
 * 3. Wait out in-flight callbacks until `keepPreviousUntilMs` (default 5 minutes: longer than the 60 s window in
 *    which a callback signed with the previous token just before the switch stays valid, with room for
 *    Tencent to apply the change everywhere).
 * 4. Drop the previous token: receivers verify with `tokens: [next]`.
 *
 * Without `token`, a fresh token is generated and returned as `current`; then receivers can only learn it after
 * the switch, so callbacks arriving in between are refused — use that form only when receivers read the token
 * list from a store you update right away, or for the first setup.
 *
 * Re-running it with the same `token` is safe: when that token is already configured (an earlier call installed
 * it, then failed or lost its answer), it sends nothing and returns `current` with `previous: undefined`.
 *
 * @throws `ValidationError` before anything is sent for bad options.
 * @throws Tencent and transport errors as they come. No message contains a token.
 * @example
 * ```ts
 * const next = generateCallbackToken();
 * await secrets.put('TENCENT_CALLBACK_TOKENS', JSON.stringify([currentToken, next])); // 1. receivers accept both
 * const rotation = await rotateCallbackToken(client, { token: next });                 // 2. rotate
 * // 3. after rotation.keepPreviousUntilMs:
 * await secrets.put('TENCENT_CALLBACK_TOKENS', JSON.stringify([next]));                 // 4. drop the previous
 * ```
 */
export async function rotateCallbackToken(
  client: LiveConfigClient,
  rotateOptions: RotateCallbackTokenOptions = {},
  options?: LiveConfigCallOptions,
): Promise<CallbackTokenRotation> {
  const input = parseInput(RotateOptionsSchema, rotateOptions, 'callback token rotation options');
  const now = input.now ?? systemClock;
  const overlapSeconds = input.overlapSeconds ?? DEFAULT_ROTATION_OVERLAP_SECONDS;
  const current = input.token ?? generateCallbackToken();
  const startedAt = now();
  if (typeof startedAt !== 'number' || !Number.isFinite(startedAt)) {
    throw new ValidationError('callback token rotation options', [{ path: 'now', message: 'must return milliseconds since the epoch' }]);
  }

  let previous: { token: string; enabled: boolean } | undefined;
  try {
    previous = await getCallbackToken(client, options);
  } catch (error) {
    if (!(TencentApiError.isInstance(error) && error.code === CALLBACK_TOKEN_NOT_CONFIGURED)) throw error;
  }
  const enabled = previous?.enabled ?? true;
  const installed = previous?.token === current;
  if (!installed) await sendCallbackToken(client, previous === undefined ? { token: current, enabled } : { token: current }, options);
  const finishedAt = now();
  const rotatedAtMs = typeof finishedAt === 'number' && Number.isFinite(finishedAt) ? finishedAt : startedAt;
  return {
    previous: installed ? undefined : previous?.token,
    current,
    firstSetup: previous === undefined,
    enabled,
    rotatedAtMs,
    keepPreviousUntilMs: rotatedAtMs + overlapSeconds * 1000,
  };
}
