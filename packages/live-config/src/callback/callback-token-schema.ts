import * as v from 'valibot';

/** Longest callback token Tencent accepts. */
export const MAX_CALLBACK_TOKEN_LENGTH = 128;

/** A callback token: 1 to {@link MAX_CALLBACK_TOKEN_LENGTH} (128) visible ASCII characters. */
const CALLBACK_TOKEN_PATTERN = /^[\x21-\x7e]{1,128}$/;

/**
 * A callback authentication token as `set_callback_token` accepts it: 1–128 characters. tokenwire also requires
 * visible ASCII (`!` … `~`, no spaces): the length limit then means the same in characters and bytes, the
 * signature's UTF-8 input is unambiguous, and a pasted token with a stray space or newline is caught before it
 * is installed. The messages never repeat the token.
 *
 * Exported (unlike the package's other schemas) so you can check a token where it enters your system — compose it
 * into the schema of your own configuration or secret store — rather than when a receiver refuses every callback.
 *
 * @example
 * ```ts
 * v.is(CallbackTokenSchema, generateCallbackToken()); // true
 * v.is(CallbackTokenSchema, 'token with spaces');     // false
 * ```
 */
export const CallbackTokenSchema: v.GenericSchema<string> = /* @__PURE__ */ (() =>
  v.pipe(
    v.string('must be a string'),
    v.regex(CALLBACK_TOKEN_PATTERN, 'must be 1 to 128 visible ASCII characters (no spaces, line breaks or non-ASCII letters)'),
  ))();
