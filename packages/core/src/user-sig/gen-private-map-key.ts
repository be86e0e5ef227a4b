import * as v from 'valibot';
import { type Clock, systemClock } from '../clock.js';
import { bytesToBase64 } from '../encoding/base64.js';
import { isWellFormedUnicode } from '../encoding/well-formed-unicode.js';
import { numberIn, optionsObject } from '../validation/option-schemas.js';
import { parseInput } from '../validation/parse-input.js';
import { encodeUserSig } from './encode-user-sig.js';
import { PRIVILEGE } from './private-map-key-privilege.js';
import { encodePrivateMapKeyUserBuf } from './private-map-key-user-buf.js';
import { ClockSecondsSchema, expireSecondsSchema, IdentifierSchema, SdkAppIdSchema, SecretKeySchema } from './user-sig-field-schemas.js';
import { DEFAULT_USER_SIG_EXPIRE_SECONDS } from './user-sig-limits.js';

/** Largest numeric room id and latest absolute expiry: both are unsigned 32-bit fields of the userbuf. */
const MAX_UINT32 = 4_294_967_295;
/** Longest string room id, in UTF-8 bytes (TRTC's limit for `strRoomId`). */
const MAX_STRING_ROOM_ID_BYTES = 127;

/** Input of {@link genPrivateMapKey}. */
export interface GenPrivateMapKeyOptions {
  /** The application's SDKAppID, an integer from 1 to 4294967295. */
  readonly sdkAppId: number;
  /** The application's secret key. Keep it on servers. */
  readonly secretKey: string;
  /** The UserID the key is for (also the UserSig identifier). */
  readonly userId: string;
  /**
   * The room: a number (`roomId`, integer from 1 to 4294967295) or a string (`strRoomId`, 1 to 127 bytes of
   * UTF-8). A string is always treated as a string room, even when it looks numeric.
   */
  readonly roomId: number | string;
  /** Privilege bits, an integer from 0 to 255 (see {@link PRIVILEGE}). Defaults to `PRIVILEGE.all` (255). */
  readonly privilegeMap?: number | undefined;
  /**
   * Validity in seconds from now, an integer from 1 to 315360000; the userbuf stores `now + expireSeconds`,
   * which must fit in 32 bits. Defaults to 15552000 (180 days); the official libraries suggest 300 s for
   * PrivateMapKeys.
   */
  readonly expireSeconds?: number | undefined;
  /** Clock for `TLS.time` and the userbuf expiry; defaults to {@link systemClock}. */
  readonly now?: Clock | undefined;
}

/**
 * A room id: a number (an integer from 1 to {@link MAX_UINT32}) or a string (1 to {@link MAX_STRING_ROOM_ID_BYTES}
 * bytes of well-formed UTF-8), each with its own message.
 */
const RoomIdSchema: v.GenericSchema<number | string> = /* @__PURE__ */ (() => {
  const numeric = numberIn(1, MAX_UINT32, `a numeric room id must be an integer from 1 to ${MAX_UINT32}`, true);
  const textMessage = `a string room id must be 1 to ${MAX_STRING_ROOM_ID_BYTES} bytes of well-formed UTF-8`;
  const text = v.pipe(
    v.string(),
    v.nonEmpty(textMessage),
    v.maxBytes(MAX_STRING_ROOM_ID_BYTES, textMessage),
    v.check(isWellFormedUnicode, textMessage),
  );
  const neither = v.custom<never>(() => false, 'must be a number or a string');
  return v.lazy((input) => (typeof input === 'number' ? numeric : typeof input === 'string' ? text : neither));
})();

/** {@link GenPrivateMapKeyOptions} once parsed: the defaults applied and the clock read as whole Unix seconds (`now`). */
type ParsedGenPrivateMapKeyOptions = Required<Omit<GenPrivateMapKeyOptions, 'now'>> & { readonly now: number };

/**
 * The options of {@link genPrivateMapKey}: every field, then whether `now + expireSeconds` fits the userbuf's
 * 32-bit expiry (checked once both are valid, reported at `expireSeconds`).
 */
const GenPrivateMapKeyOptionsSchema: v.GenericSchema<unknown, ParsedGenPrivateMapKeyOptions> = /* @__PURE__ */ (() =>
  v.pipe(
    optionsObject(
      {
        sdkAppId: SdkAppIdSchema,
        secretKey: SecretKeySchema,
        userId: IdentifierSchema,
        roomId: RoomIdSchema,
        privilegeMap: v.optional(numberIn(0, PRIVILEGE.all, 'must be an integer from 0 to 255 (PRIVILEGE bits)', true), PRIVILEGE.all),
        expireSeconds: v.optional(expireSecondsSchema(1), DEFAULT_USER_SIG_EXPIRE_SECONDS),
        // A function default is called by valibot, so the default is a function returning the clock.
        now: v.optional(ClockSecondsSchema, () => systemClock),
      },
      'an options object',
    ),
    v.forward(
      v.partialCheck(
        [['now'], ['expireSeconds']],
        (options) => options.now + options.expireSeconds <= MAX_UINT32,
        'now + expireSeconds must fit in 32 bits (be before 2106-02-07)',
      ),
      ['expireSeconds'],
    ),
  ))();

/**
 * Generates a TRTC PrivateMapKey: a UserSig for `userId` whose signed `TLS.userbuf` grants `privilegeMap` in one
 * room until `now + expireSeconds`. Equal to the official libraries' `genPrivateMapKey` (numeric room, `cVer` 0)
 * and `genPrivateMapKeyWithStringRoomID` (string room, `cVer` 1, numeric field 0) for ASCII ids; non-ASCII
 * user and room ids are encoded as UTF-8, where the official libraries write truncated UTF-16 code units.
 * Only needed when "permission key" checking is enabled in the TRTC console; REST calls never need it.
 *
 * @throws {@link ValidationError} listing every bad input (the message never contains the secret key).
 * @example
 * ```ts
 * const privateMapKey = genPrivateMapKey({
 *   sdkAppId: 1400000000,
 *   secretKey,
 *   userId: 'alice',
 *   roomId: 'standup',
 *   privilegeMap: PRIVILEGE.enterRoom | PRIVILEGE.receiveAudio | PRIVILEGE.receiveVideo,
 *   expireSeconds: 300,
 * });
 * ```
 */
export function genPrivateMapKey(options: GenPrivateMapKeyOptions): string {
  const {
    sdkAppId,
    secretKey,
    userId,
    roomId,
    privilegeMap,
    expireSeconds,
    now: time,
  } = parseInput(GenPrivateMapKeyOptionsSchema, options, 'PrivateMapKey input');
  const userBuf = encodePrivateMapKeyUserBuf({
    userId,
    sdkAppId,
    roomId,
    expiresAt: time + expireSeconds,
    privilegeMap,
  });
  return encodeUserSig(secretKey, userId, sdkAppId, time, expireSeconds, bytesToBase64(userBuf));
}
