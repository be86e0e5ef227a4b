import { TencentApiError, ValidationError } from '@tokenwire/core';
import { parseInput } from '@tokenwire/core/internal';
import * as v from 'valibot';
import type { EntriesOf } from '../validation/entries-of.js';
import { CallbackTokenSchema } from '../callback/callback-token-schema.js';
import { CALLBACK_TOKEN_NOT_CONFIGURED } from './get-callback-token.js';
import { LIVE_CONFIG_SERVICE, type LiveConfigCallOptions, type LiveConfigClient } from './live-config-client.js';
import { objectMessage } from '../validation/object-message.js';
import { redactToken } from '../callback/redact-token.js';

/**
 * Input of {@link setCallbackToken}. On the app's first setup both fields are required; afterwards give only the
 * fields to change.
 */
export interface CallbackTokenSettings {
  /** The new token: 1–128 visible ASCII characters (see `generateCallbackToken`). */
  readonly token?: string | undefined;
  /** `true` makes Tencent sign every callback (`Sign`, `RequestTime`); `false` turns signing off. */
  readonly enabled?: boolean | undefined;
}

/**
 * Schema of {@link CallbackTokenSettings}: unknown fields are rejected (a misspelt `tokne` would otherwise be
 * dropped silently) and at least one of `token` and `enabled` is required.
 */
const CallbackTokenSettingsSchema: v.GenericSchema<unknown, CallbackTokenSettings> = /* @__PURE__ */ (() =>
  v.pipe(
    v.strictObject(
      {
        token: v.optional(CallbackTokenSchema),
        enabled: v.optional(v.boolean('must be a boolean')),
      } satisfies EntriesOf<CallbackTokenSettings>,
      objectMessage('token and/or enabled'),
    ),
    v.check(
      (settings) => settings.token !== undefined || settings.enabled !== undefined,
      'give token, enabled or both (both on first setup)',
    ),
  ))();

/**
 * Sets the app's callback authentication token (`live_config/set_callback_token`). On the first setup Tencent
 * requires both `token` and `enabled`; once a token configuration exists, send only what changes. Idempotent,
 * so the client's retry policy repeats it safely after ambiguous failures.
 *
 * Given only one field, it first reads the configuration (`get_callback_token`): when none exists yet, it throws
 * a `ValidationError` naming the missing field and sends nothing.
 *
 * @throws `ValidationError` before anything is sent: not an object, an unknown field, neither field, a token
 *   that is not 1–128 visible ASCII characters, or one field only while no token configuration exists.
 * @throws Tencent and transport errors as they come, with the token redacted (`***`) from every message,
 *   `info` and `cause`.
 * @example
 * ```ts
 * await setCallbackToken(client, { token: generateCallbackToken(), enabled: true }); // first setup
 * await setCallbackToken(client, { enabled: false });                             // later: turn signing off
 * ```
 */
export async function setCallbackToken(
  client: LiveConfigClient,
  settings: CallbackTokenSettings,
  options?: LiveConfigCallOptions,
): Promise<void> {
  const input = parseInput(CallbackTokenSettingsSchema, settings, 'callback token settings');
  const missing = input.token === undefined ? 'token' : input.enabled === undefined ? 'enabled' : undefined;
  if (missing !== undefined) {
    try {
      await client.call(LIVE_CONFIG_SERVICE, 'get_callback_token', {}, options);
    } catch (error) {
      if (!(TencentApiError.isInstance(error) && error.code === CALLBACK_TOKEN_NOT_CONFIGURED)) throw redactToken(error, input.token);
      throw new ValidationError('callback token settings', [
        { path: missing, message: 'is required on first setup (no callback token is configured yet)' },
      ]);
    }
  }
  await sendCallbackToken(client, input, options);
}

/**
 * Sends `set_callback_token` with the fields of already validated settings, rethrowing any failure with the
 * token redacted. For callers that know the configuration's state (`rotateCallbackToken`).
 *
 * @internal
 */
export async function sendCallbackToken(
  client: LiveConfigClient,
  input: CallbackTokenSettings,
  options?: LiveConfigCallOptions,
): Promise<void> {
  try {
    // The body is sent as JSON, which leaves out the field that is undefined.
    await client.call(LIVE_CONFIG_SERVICE, 'set_callback_token', { Token: input.token, IsTokenEnable: input.enabled }, options);
  } catch (error) {
    throw redactToken(error, input.token);
  }
}
