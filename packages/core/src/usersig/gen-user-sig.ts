import { type Clock, systemClock } from '../clock.js';
import { bytesToBase64 } from '../encoding/base64.js';
import { ValidationError, type ValidationIssue } from '../errors/validation-error.js';
import { encodeUserSig } from './encode-user-sig.js';
import { checkExpireSeconds, checkIdentifier, checkSdkAppId, checkSecretKey, readClockSeconds } from './usersig-input.js';
import { DEFAULT_USERSIG_EXPIRE_SECONDS, MAX_USER_BUF_BYTES } from './usersig-limits.js';

/** True for a `Uint8Array` from this realm or another one (an iframe, a VM context). */
function isBytes(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array || (ArrayBuffer.isView(value) && value.constructor.name === 'Uint8Array');
}

/** Input of {@link genUserSig}. */
export interface GenUserSigOptions {
  /** The application's SDKAppID (console), an integer from 1 to 4294967295. */
  readonly sdkAppId: number;
  /** The application's secret key (console), used as a UTF-8 string, not hex-decoded. Keep it on servers. */
  readonly secretKey: string;
  /** The UserID the UserSig is for (for REST calls: the administrator account, e.g. `administrator`). */
  readonly identifier: string;
  /** Validity in seconds from now, an integer from 1 to 315360000 (10 years). Defaults to 15552000 (180 days). */
  readonly expireSeconds?: number | undefined;
  /** Clock for `TLS.time`; defaults to {@link systemClock}. */
  readonly now?: Clock | undefined;
  /** Opaque bytes signed along as `TLS.userbuf` (TRTC PrivateMapKey, see {@link genPrivateMapKey}); 1 to 1024 bytes. */
  readonly userBuf?: Uint8Array | undefined;
}

/**
 * Generates a TLSSigAPIv2 UserSig (HMAC-SHA256, "TLS.ver 2.0"), byte-compatible with the official libraries:
 * the same signed content and JSON fields, packed in a zlib stream of stored blocks (like the official Go
 * library's default) and Tencent base64. Synchronous and runtime-neutral. Never ship the secret key to a browser.
 *
 * @throws {@link ValidationError} listing every bad input (the message never contains the secret key).
 * @example
 * ```ts
 * const userSig = genUserSig({ sdkAppId: 1400000000, secretKey, identifier: 'administrator' });
 * const url = `https://console.tim.qq.com/v4/live_config/get_callback?sdkappid=1400000000&identifier=administrator&usersig=${userSig}&random=42&contenttype=json`;
 * ```
 */
export function genUserSig(options: GenUserSigOptions): string {
  const {
    sdkAppId,
    secretKey,
    identifier,
    expireSeconds = DEFAULT_USERSIG_EXPIRE_SECONDS,
    now = systemClock,
    userBuf,
  } = (options ?? {}) as Partial<GenUserSigOptions>;
  const issues: ValidationIssue[] = [];
  checkSdkAppId(sdkAppId, issues);
  checkSecretKey(secretKey, issues);
  checkIdentifier(identifier, 'identifier', issues);
  checkExpireSeconds(expireSeconds, issues);
  if (userBuf !== undefined && (!isBytes(userBuf) || userBuf.length === 0 || userBuf.length > MAX_USER_BUF_BYTES)) {
    issues.push({ path: 'userBuf', message: `must be a Uint8Array of 1 to ${MAX_USER_BUF_BYTES} bytes when given` });
  }
  const time = readClockSeconds(now, issues);
  if (issues.length > 0) throw new ValidationError('UserSig input', issues);
  return encodeUserSig(
    secretKey!,
    identifier!,
    sdkAppId!,
    time!,
    expireSeconds,
    userBuf === undefined ? undefined : bytesToBase64(userBuf),
  );
}
