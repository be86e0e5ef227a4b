import { redactSecrets, TencentApiError } from '@tokenwire/core';
import * as v from 'valibot';
import { CallbackTokenSchema } from './callback-token-schema.js';
import { LIVE_CONFIG_SERVICE, type LiveConfigCallOptions, type LiveConfigClient } from './live-config-client.js';
import { objectMessage } from './parse-input.js';
import { validateCallbackTokenSettings } from './validate-callback-token-settings.js';

// Module-level schemas are built inside `@__PURE__` IIFEs so bundlers drop the unused ones (README: bundle size).

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
export const CallbackTokenSettingsSchema: v.SchemaWithPipe<
  readonly [
    v.StrictObjectSchema<
      {
        readonly token: v.OptionalSchema<typeof CallbackTokenSchema, undefined>;
        readonly enabled: v.OptionalSchema<v.BooleanSchema<string>, undefined>;
      },
      (issue: v.StrictObjectIssue) => string
    >,
    v.CheckAction<{ token?: string | undefined; enabled?: boolean | undefined }, string>,
  ]
> = /* @__PURE__ */ (() =>
  v.pipe(
    v.strictObject(
      {
        token: v.optional(CallbackTokenSchema),
        enabled: v.optional(v.boolean('must be a boolean')),
      },
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
 * When only one field is given and Tencent answers 100002, tokenwire reads the configuration to tell why: if
 * none exists yet, the error says that both fields are required on first setup.
 *
 * @throws `ValidationError` before anything is sent: not an object, an unknown field, neither field, or a token
 *   that is not 1–128 visible ASCII characters.
 * @throws `TencentApiError` 100002 "both are required on first setup" as above; other Tencent and transport
 *   errors as they come. No message contains the token.
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
  const input = validateCallbackTokenSettings(settings);
  const body: Record<string, unknown> = {};
  if (input.token !== undefined) body['Token'] = input.token;
  if (input.enabled !== undefined) body['IsTokenEnable'] = input.enabled;
  try {
    await client.call(LIVE_CONFIG_SERVICE, 'set_callback_token', body, options);
  } catch (error) {
    const partial = input.token === undefined || input.enabled === undefined;
    if (partial && TencentApiError.isInstance(error) && error.code === 100002 && (await tokenConfigurationMissing(client, options))) {
      const missing = input.token === undefined ? 'token' : 'enabled';
      throw new TencentApiError({
        ...error.context,
        code: error.code,
        info: `no callback token is configured yet, and on first setup token and enabled are both required (${missing} was not given). Tencent said: ${redactSecrets(error.info, [input.token])}`,
      });
    }
    throw error;
  }
}

/** True when `get_callback_token` answers 100302 (no token configuration); false on success or any other failure. */
async function tokenConfigurationMissing(client: LiveConfigClient, options: LiveConfigCallOptions | undefined): Promise<boolean> {
  try {
    await client.call(LIVE_CONFIG_SERVICE, 'get_callback_token', {}, options);
    return false;
  } catch (error) {
    return TencentApiError.isInstance(error) && error.code === 100302;
  }
}
