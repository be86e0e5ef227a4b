import * as v from 'valibot';
import { objectMessage, type ObjectMessage } from '../input/parse-input.js';
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

/** The `userId` field: 1–32 characters (code points). */
export const UserIdSchema: v.SchemaWithPipe<readonly [v.StringSchema<string>, v.CheckAction<string, string>]> = /* @__PURE__ */ (() =>
  v.pipe(
    v.string('must be a string'),
    v.check(
      (text) => characterCount(text) >= 1 && characterCount(text) <= MAX_USER_ID_LENGTH,
      `must be 1–${MAX_USER_ID_LENGTH} characters (applyToken: API reference cec_07_2200, cec_07_2214)`,
    ),
  ))();

/** A required, non-empty string. */
type NonEmptyStringSchema = v.SchemaWithPipe<readonly [v.StringSchema<string>, v.NonEmptyAction<string, string>]>;

/** The fields of an end user that `applyToken` binds a `ccmessaging-token` to. */
export const AiccUserEntries: {
  /** Enterprise-defined user id, 1–32 characters; also `from`/`receiverId` on every chat call. */
  readonly userId: typeof UserIdSchema;
  /** Display name; also the `senderNickname` of the user's messages. */
  readonly userName: NonEmptyStringSchema;
  /** The web channel's Configuration ID (Service Channel Configuration › Channel Configuration). */
  readonly channelId: NonEmptyStringSchema;
  /** ISO 639 language with an optional region: `en`, `zh_CN`, `en-US`. */
  readonly locale: v.SchemaWithPipe<readonly [v.StringSchema<string>, v.RegexAction<string, string>]>;
} = /* @__PURE__ */ (() =>
  ({
    userId: UserIdSchema,
    userName: v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty')),
    channelId: v.pipe(v.string('must be a string'), v.nonEmpty('must not be empty')),
    locale: v.pipe(
      v.string('must be a string'),
      v.regex(LOCALE_PATTERN, 'must be an ISO 639 code with an optional region, e.g. en, zh_CN or en-US'),
    ),
  }) as const)();

/**
 * The `applyToken` request body (`applyTokenReqBody`): who the `ccmessaging-token` is for.
 *
 * @example
 * ```ts
 * const user: AiccUser = { userId: 'user-42', userName: 'Ada', channelId: 'web-channel-1', locale: 'en' };
 * ```
 */
export const AiccUserSchema: v.StrictObjectSchema<typeof AiccUserEntries, ObjectMessage> = /* @__PURE__ */ (() =>
  v.strictObject(AiccUserEntries, objectMessage('an object with userId, userName, channelId and locale')))();

/** An end user as {@link AiccUserSchema} accepts it. */
export type AiccUser = v.InferOutput<typeof AiccUserSchema>;
