import * as v from 'valibot';

// Module-level schemas are built inside `@__PURE__` IIFEs so bundlers drop the unused ones (README: bundle size).

/** Longest callback token Tencent accepts. */
export const MAX_CALLBACK_TOKEN_LENGTH = 128;

/** A callback token: 1 to {@link MAX_CALLBACK_TOKEN_LENGTH} (128) visible ASCII characters. */
export const CALLBACK_TOKEN_PATTERN = /^[\x21-\x7e]{1,128}$/;

/** What is wrong with a string that does not match {@link CALLBACK_TOKEN_PATTERN}. */
export const CALLBACK_TOKEN_MESSAGE = 'must be 1 to 128 visible ASCII characters (no spaces, line breaks or non-ASCII letters)';

/**
 * A callback authentication token as `set_callback_token` accepts it: 1–128 characters. tokenwire also requires
 * visible ASCII (`!` … `~`, no spaces): the length limit then means the same in characters and bytes, the
 * signature's UTF-8 input is unambiguous, and a pasted token with a stray space or newline is caught before it
 * is installed. The messages never repeat the token.
 *
 * @example
 * ```ts
 * v.is(CallbackTokenSchema, generateCallbackToken()); // true
 * v.is(CallbackTokenSchema, 'token with spaces');     // false
 * ```
 */
export const CallbackTokenSchema: v.SchemaWithPipe<readonly [v.StringSchema<string>, v.CheckAction<string, string>]> =
  /* @__PURE__ */ (() =>
    v.pipe(
      v.string('must be a string'),
      v.check((token: string) => CALLBACK_TOKEN_PATTERN.test(token), CALLBACK_TOKEN_MESSAGE),
    ))();
