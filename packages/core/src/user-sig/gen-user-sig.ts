import * as v from 'valibot';
import { type Clock, systemClock } from '../clock.js';
import { bytesToBase64 } from '../encoding/base64.js';
import { optionsObject } from '../validation/option-schemas.js';
import { parseInput } from '../validation/parse-input.js';
import { encodeUserSig } from './encode-user-sig.js';
import { ClockSecondsSchema, expireSecondsSchema, IdentifierSchema, SdkAppIdSchema, SecretKeySchema } from './user-sig-field-schemas.js';
import { DEFAULT_USER_SIG_EXPIRE_SECONDS, MAX_USER_BUF_BYTES } from './user-sig-limits.js';

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

/** {@link GenUserSigOptions} once parsed: the defaults applied and the clock read as whole Unix seconds (`now`). */
type ParsedGenUserSigOptions = Required<Omit<GenUserSigOptions, 'now' | 'userBuf'>> & {
  readonly now: number;
  readonly userBuf?: Uint8Array | undefined;
};

/** The options of {@link genUserSig}, reported in this order: every field, then an unknown key. */
const GenUserSigOptionsSchema: v.GenericSchema<unknown, ParsedGenUserSigOptions> = /* @__PURE__ */ (() => {
  const userBufMessage = `must be a Uint8Array of 1 to ${MAX_USER_BUF_BYTES} bytes when given`;
  return optionsObject(
    {
      sdkAppId: SdkAppIdSchema,
      secretKey: SecretKeySchema,
      identifier: IdentifierSchema,
      expireSeconds: v.optional(expireSecondsSchema(1), DEFAULT_USER_SIG_EXPIRE_SECONDS),
      userBuf: v.optional(
        v.custom<Uint8Array>((bytes) => isBytes(bytes) && bytes.length > 0 && bytes.length <= MAX_USER_BUF_BYTES, userBufMessage),
      ),
      // A function default is called by valibot, so the default is a function returning the clock.
      now: v.optional(ClockSecondsSchema, () => systemClock),
    },
    'an options object',
  );
})();

/** Signs parsed options at `time` (whole Unix seconds). */
function sign(options: ParsedGenUserSigOptions, time: number): string {
  const { secretKey, identifier, sdkAppId, expireSeconds, userBuf } = options;
  return encodeUserSig(secretKey, identifier, sdkAppId, time, expireSeconds, userBuf === undefined ? undefined : bytesToBase64(userBuf));
}

// Benchmark-tuned hot path (ARCHITECTURE.md "Budgets": genUserSig ≥ 2× tls-sig-api-v2, gated in CI by
// `node scripts/bench.mjs --only=signing --check`, scripts/bench/signing.mjs). Parsing the options with
// GenUserSigOptionsSchema costs about a quarter of a signature (v.maxBytes encodes the identifier), so options with
// the same keys, in the same order, and the same field values as the last ones parsed are not parsed again: only
// their clock is read, through ClockSecondsSchema. The schema stays the only rule; the snapshot holds values, not
// the caller's object (which may change), and options with a `userBuf` (mutable bytes) are always parsed.

/** The last options {@link genUserSig} parsed without a `userBuf`: their keys and field values, and the result. */
interface ParsedSnapshot {
  readonly keys: readonly string[];
  readonly sdkAppId: unknown;
  readonly secretKey: unknown;
  readonly identifier: unknown;
  readonly expireSeconds: unknown;
  readonly now: unknown;
  readonly parsed: ParsedGenUserSigOptions;
}

let lastParsed: ParsedSnapshot | undefined;

/** The snapshot of options that parsed as `parsed`. */
function snapshotOf(options: GenUserSigOptions, parsed: ParsedGenUserSigOptions): ParsedSnapshot {
  const keys: string[] = [];
  for (const key in options) keys.push(key);
  const { sdkAppId, secretKey, identifier, expireSeconds, now } = options;
  return { keys, sdkAppId, secretKey, identifier, expireSeconds, now, parsed };
}

/** Whether `options` has the snapshot's keys, in its order, and its field values (and no `userBuf`). */
function isLastParsed(options: GenUserSigOptions, snapshot: ParsedSnapshot): boolean {
  if (
    options.identifier !== snapshot.identifier ||
    options.sdkAppId !== snapshot.sdkAppId ||
    options.secretKey !== snapshot.secretKey ||
    options.expireSeconds !== snapshot.expireSeconds ||
    options.now !== snapshot.now ||
    options.userBuf !== undefined
  ) {
    return false;
  }
  let index = 0;
  for (const key in options) if (key !== snapshot.keys[index++]) return false;
  return index === snapshot.keys.length;
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
  const previous = lastParsed;
  if (previous !== undefined && typeof options === 'object' && options !== null && isLastParsed(options, previous)) {
    const clock = v.safeParse(ClockSecondsSchema, options.now ?? systemClock);
    // A clock that fails now is reported by the full parse below, with the other fields.
    if (clock.success) return sign(previous.parsed, clock.output);
  }
  const parsed = parseInput(GenUserSigOptionsSchema, options, 'UserSig input');
  lastParsed = parsed.userBuf === undefined ? snapshotOf(options, parsed) : undefined;
  return sign(parsed, parsed.now);
}
