import { ValidationError } from '@tokenwire/core';
import type { CallbackInput } from './callback-source.js';
import type { LiveCallbackEvent } from './events/live-callback-event.js';
import { checkVerificationOptions, type VerifyLiveCallbackOptions, verifyWithCheckedOptions } from './verify-live-callback.js';

/** A callback verifier whose options were checked once, when it was made: see {@link createLiveCallbackVerifier}. */
export interface LiveCallbackVerifier {
  /**
   * Verifies one callback and returns it as a typed event: exactly what `verifyLiveCallback(request, options)`
   * does and returns, with the options given to {@link createLiveCallbackVerifier}.
   *
   * @throws `CallbackSignatureError` with a stable `reason`, as `verifyLiveCallback` does.
   */
  verify(request: CallbackInput): Promise<LiveCallbackEvent>;
}

const SUBJECT = 'callback verifier options';

/**
 * Builds a callback verifier once, when your server starts: the options are checked now — a missing or invalid
 * `sdkAppId` (`Number(env.SDK_APP_ID)` of an unset variable is `NaN`), a token list with no token in it (every
 * entry unset or blank), an unknown option — so a misconfigured server fails as it boots rather than when Tencent
 * first calls. `verify(request)` then does exactly what `verifyLiveCallback(request, options)` does (same checks,
 * same event, same `CallbackSignatureError` reasons) without checking the options again. The options are copied:
 * changing the object afterwards changes nothing.
 *
 * `tokens: null` (token authentication off at Tencent) is still allowed; an empty list is not, so a missing
 * secret never turns verification off.
 *
 * @throws `ValidationError` for bad options (the message names the option, never a token).
 * @example
 * ```ts
 * const verifier = createLiveCallbackVerifier({
 *   sdkAppId: Number(env.SDK_APP_ID),
 *   tokens: [env.TENCENT_CALLBACK_TOKEN, env.TENCENT_CALLBACK_PREVIOUS_TOKEN], // [current, previous] during a rotation
 * });
 *
 * export default {
 *   async fetch(request: Request): Promise<Response> {
 *     const event = await verifier.verify(request);
 *     return callbackAck();
 *   },
 * };
 * ```
 */
export function createLiveCallbackVerifier(options: VerifyLiveCallbackOptions): LiveCallbackVerifier {
  const checked = checkVerificationOptions(options, SUBJECT);
  const { tokens } = checked;
  if (
    tokens !== null &&
    !(typeof tokens === 'string' ? [tokens] : tokens).some((token) => typeof token === 'string' && token.trim() !== '')
  ) {
    throw new ValidationError(SUBJECT, [
      {
        path: 'tokens',
        message:
          'has no callback token (empty, or every entry unset or blank): check that your secret is set, or pass null while token authentication is off',
      },
    ]);
  }
  return Object.freeze({ verify: (request: CallbackInput) => verifyWithCheckedOptions(request, checked) });
}
