import { optionsObject } from '@tokenwire/core/internal';
import * as v from 'valibot';
import { NonEmptyCheck } from '../input/non-empty.js';
import type { EntriesOf } from '../messages/entries-of.js';
import { characterCount } from '../input/text-measures.js';

/**
 * A language code as AICC accepts it in `locale`: ISO 639 (`en`, `zh`) with an optional region joined by `_` or
 * `-` (`zh_CN`, `en-US`, `es-419`).
 */
export const LOCALE_PATTERN = /^[a-z]{2,3}(?:[_-](?:[A-Z]{2}|[a-z]{2}|\d{3}))?$/;

/**
 * Longest `userId` of `applyToken`, in characters: 1–32 on every page that states it (api-cec cec_07_2200 and
 * cec_07_2214, cec_07_0103). The session sends the same id as `from`, `receiverId` and `userId` on every other call.
 */
export const MAX_USER_ID_LENGTH = 32;

/**
 * An end user a `ccmessaging-token` is bound to: the `applyToken` request body (`applyTokenReqBody`). A type alias
 * rather than an interface, so that it fits where a JSON object (`Record<string, unknown>`) is expected.
 *
 * @example
 * ```ts
 * const user: AiccUser = { userId: 'user-42', userName: 'Ada', channelId: 'web-channel-1', locale: 'en' };
 * ```
 */
export type AiccUser = {
  /** Enterprise-defined user id, 1–32 characters; also `from`/`receiverId` on every chat call. */
  userId: string;
  /** Display name (not empty); also the `senderNickname` of the user's messages. */
  userName: string;
  /** The web channel's Configuration ID (Service Channel Configuration › Channel Configuration); not empty. */
  channelId: string;
  /** ISO 639 language with an optional region: `en`, `zh_CN`, `en-US` ({@link LOCALE_PATTERN}). */
  locale: string;
};

/** The fields of an {@link AiccUser}, for the schemas that take one (the user, a session's options). */
export const AiccUserEntries = /* @__PURE__ */ (() => {
  const nonEmpty = v.pipe(v.string('must be a string'), NonEmptyCheck);
  return {
    userId: v.pipe(
      v.string('must be a string'),
      v.check(
        (text) => characterCount(text) >= 1 && characterCount(text) <= MAX_USER_ID_LENGTH,
        `must be 1–${MAX_USER_ID_LENGTH} characters (applyToken: API reference cec_07_2200, cec_07_2214)`,
      ),
    ),
    userName: nonEmpty,
    channelId: nonEmpty,
    locale: v.pipe(
      v.string('must be a string'),
      v.regex(LOCALE_PATTERN, 'must be an ISO 639 code with an optional region, e.g. en, zh_CN or en-US'),
    ),
  } satisfies EntriesOf<AiccUser>;
})();

/**
 * The schema of an {@link AiccUser}, as `applyToken` and `createAiccSession` check it: strict (an unknown field is
 * refused), userId 1–32 characters, userName and channelId not empty, a locale such as `en`, `zh_CN` or `en-US`.
 *
 * Exported (unlike the package's other schemas) so you can check a user where it enters your system — a sign-in
 * form, your settings, a queue — with the very rules `applyToken` applies, and report each field by name before any
 * token is asked for. It is a valibot schema and a Standard Schema (`AiccUserSchema['~standard'].validate(user)`),
 * so it composes into your own schemas and works with any library that takes one.
 *
 * @example
 * ```ts
 * const result = v.safeParse(AiccUserSchema, { userId, userName, channelId: 'web-channel-1', locale: 'en' });
 * if (!result.success) showProblems(result.issues);
 * ```
 */
export const AiccUserSchema: v.GenericSchema<unknown, AiccUser> = /* @__PURE__ */ (() =>
  optionsObject(AiccUserEntries, 'an object with userId, userName, channelId and locale'))();
