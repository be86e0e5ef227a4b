import type * as v from 'valibot';
import type { Clock } from '../clock.js';
import { encodeUserSig } from '../user-sig/encode-user-sig.js';
import { ClockSecondsSchema } from '../user-sig/user-sig-field-schemas.js';
import { optionsObject } from '../validation/option-schemas.js';
import { parseInput } from '../validation/parse-input.js';

/**
 * Default lifetime of the admin UserSig `createTencentClient` signs itself with a `secretKey`: 24 hours (its
 * `userSigExpireSeconds` option). Not to be confused with `DEFAULT_USER_SIG_EXPIRE_SECONDS`, the 180-day default
 * of `genUserSig` for UserSigs handed to app users.
 */
export const DEFAULT_ADMIN_USER_SIG_EXPIRE_SECONDS = 86_400;

/** Longest safety margin before expiry at which a cached UserSig is replaced: 1 hour. */
export const MAX_USER_SIG_RENEWAL_MARGIN_SECONDS = 3_600;

/** The clock the signing source reads at each signing, as `{ now }` so that a problem is reported at `now`. */
const SigningClockSchema: v.GenericSchema<unknown, { readonly now: number }> = /* @__PURE__ */ (() =>
  optionsObject({ now: ClockSecondsSchema }, 'an object'))();

/** Supplies the admin UserSig for each attempt. */
export interface AdminUserSigSource {
  /** The UserSig to send now (generated, or regenerated when it is close to expiry). */
  current(): string;
  /**
   * Called after Tencent rejected `rejected` with 70001 (expired). Returns `true` when a different UserSig is
   * now available (so one more attempt makes sense), `false` when the UserSig is fixed and cannot be renewed.
   */
  renewAfterExpiry(rejected: string): boolean;
}

/**
 * A fixed, caller-supplied UserSig. It cannot be renewed, so 70001 reaches the caller.
 */
export function createFixedUserSigSource(userSig: string): AdminUserSigSource {
  return {
    current: () => userSig,
    renewAfterExpiry: () => false,
  };
}

/**
 * Signs the admin UserSig with `secretKey` and caches it. It is regenerated once its age reaches
 * `expireSeconds − margin`, where the margin is a tenth of the lifetime capped at
 * {@link MAX_USER_SIG_RENEWAL_MARGIN_SECONDS} (23 h of use for the 24 h default), and on demand after
 * Tencent answers 70001.
 *
 * The fields must be valid already (`resolveClientOptions` checks them): they go straight to the UserSig
 * encoder. Only the clock is checked, at each signing.
 *
 * @throws {@link ValidationError} from `current()` when `now` does not return a sane time.
 * @example
 * ```ts
 * const source = createSigningUserSigSource({ sdkAppId: 1400000000, identifier: 'administrator', secretKey, expireSeconds: 86_400, now: Date.now });
 * source.current(); // 'eJw1j…'
 * ```
 */
export function createSigningUserSigSource(options: {
  readonly sdkAppId: number;
  readonly identifier: string;
  readonly secretKey: string;
  readonly expireSeconds: number;
  readonly now: Clock;
}): AdminUserSigSource {
  const { sdkAppId, identifier, secretKey, expireSeconds, now } = options;
  const usableMs = (expireSeconds - Math.min(MAX_USER_SIG_RENEWAL_MARGIN_SECONDS, Math.floor(expireSeconds / 10))) * 1000;
  let cached: { readonly userSig: string; readonly renewAt: number } | undefined;

  const generate = (): string => {
    // The client validated the other fields already (resolveClientOptions); only the clock is read here.
    const { now: time } = parseInput(SigningClockSchema, { now }, 'UserSig input');
    const userSig = encodeUserSig(secretKey, identifier, sdkAppId, time, expireSeconds);
    // TLS.time is whole seconds, so the lifetime is counted from the start of the signing second.
    cached = { userSig, renewAt: time * 1000 + usableMs };
    return userSig;
  };

  return {
    current() {
      if (cached === undefined || now() >= cached.renewAt) return generate();
      return cached.userSig;
    },
    renewAfterExpiry(rejected) {
      // Concurrent calls rejected with the same UserSig regenerate it only once.
      if (cached !== undefined && cached.userSig !== rejected) return true;
      generate();
      return true;
    },
  };
}
