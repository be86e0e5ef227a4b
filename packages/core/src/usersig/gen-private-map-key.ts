import { type Clock, systemClock } from '../clock.js';
import { bytesToBase64 } from '../encoding/base64.js';
import { ValidationError, type ValidationIssue } from '../errors/validation-error.js';
import { encodeUserSig } from './encode-user-sig.js';
import { PRIVILEGE } from './private-map-key-privilege.js';
import { encodePrivateMapKeyUserBuf } from './private-map-key-user-buf.js';
import {
  checkExpireSeconds,
  checkIdentifier,
  checkSdkAppId,
  checkSecretKey,
  isWellFormedUnicode,
  readClockSeconds,
  utf8Length,
} from './usersig-input.js';
import { DEFAULT_USERSIG_EXPIRE_SECONDS } from './usersig-limits.js';

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

function checkRoomId(roomId: unknown, issues: ValidationIssue[]): void {
  if (typeof roomId === 'number') {
    if (!Number.isInteger(roomId) || roomId < 1 || roomId > MAX_UINT32) {
      issues.push({ path: 'roomId', message: `a numeric room id must be an integer from 1 to ${MAX_UINT32}` });
    }
  } else if (typeof roomId === 'string') {
    if (roomId.length === 0 || utf8Length(roomId) > MAX_STRING_ROOM_ID_BYTES || !isWellFormedUnicode(roomId)) {
      issues.push({ path: 'roomId', message: `a string room id must be 1 to ${MAX_STRING_ROOM_ID_BYTES} bytes of well-formed UTF-8` });
    }
  } else {
    issues.push({ path: 'roomId', message: 'must be a number or a string' });
  }
}

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
    privilegeMap = PRIVILEGE.all,
    expireSeconds = DEFAULT_USERSIG_EXPIRE_SECONDS,
    now = systemClock,
  } = (options ?? {}) as Partial<GenPrivateMapKeyOptions>;
  const issues: ValidationIssue[] = [];
  checkSdkAppId(sdkAppId, issues);
  checkSecretKey(secretKey, issues);
  checkIdentifier(userId, 'userId', issues);
  checkRoomId(roomId, issues);
  if (typeof privilegeMap !== 'number' || !Number.isInteger(privilegeMap) || privilegeMap < 0 || privilegeMap > PRIVILEGE.all) {
    issues.push({ path: 'privilegeMap', message: 'must be an integer from 0 to 255 (PRIVILEGE bits)' });
  }
  const expireIssues = issues.length;
  checkExpireSeconds(expireSeconds, issues);
  const time = readClockSeconds(now, issues);
  if (time !== undefined && issues.length === expireIssues && time + expireSeconds > MAX_UINT32) {
    issues.push({ path: 'expireSeconds', message: 'now + expireSeconds must fit in 32 bits (be before 2106-02-07)' });
  }
  if (issues.length > 0) throw new ValidationError('PrivateMapKey input', issues);

  const userBuf = encodePrivateMapKeyUserBuf({
    userId: userId!,
    sdkAppId: sdkAppId!,
    roomId: roomId!,
    expiresAt: time! + expireSeconds,
    privilegeMap,
  });
  return encodeUserSig(secretKey!, userId!, sdkAppId!, time!, expireSeconds, bytesToBase64(userBuf));
}
