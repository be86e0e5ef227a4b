import { verify } from 'hono/utils/jwt/jwt';
import { JwtAlgorithmMismatch, JwtHeaderInvalid, JwtTokenSignatureMismatched } from 'hono/utils/jwt/types';
import type { UserJwtConfig } from '../config/user-jwt-config.js';

/** Why a JWT was refused. Stable codes, safe to return to the caller. */
export type UserJwtFailure =
  | 'missing_token'
  | 'malformed_token'
  | 'unsupported_algorithm'
  | 'bad_signature'
  | 'expired'
  | 'not_yet_valid'
  | 'missing_expiry'
  | 'missing_subject'
  | 'wrong_issuer'
  | 'wrong_audience';

/** The verified claims the worker uses. */
export interface UserJwtClaims {
  /** `sub`: the end user's id (the Tencent identifier, the AICC userId). */
  readonly subject: string;
  /** `exp`, Unix seconds. */
  readonly expiresAt: number;
}

/** The outcome of {@link verifyUserJwt}. */
export type UserJwtResult =
  | { readonly ok: true; readonly claims: UserJwtClaims }
  | { readonly ok: false; readonly failure: UserJwtFailure };

/** Longest accepted token, in characters. */
export const MAX_JWT_LENGTH = 8192;

/** Three non-empty base64url segments: anything else (an unsigned `header.payload.`) is malformed. */
const COMPACT_JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

const isNumericDate = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

const keys = new Map<string, Promise<CryptoKey>>();

/**
 * The HMAC key of a secret, imported once per isolate (the last few are kept, for rotations). Hono's `verify` gets
 * the `CryptoKey`, not the text: given text, it reads a secret containing `PUBLIC` or `PRIVATE` as a PEM key.
 */
function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (key === undefined) {
    if (keys.size >= 4) keys.delete(keys.keys().next().value!);
    key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    keys.set(secret, key);
  }
  return key;
}

/**
 * The failure code of an error of hono's `verify`. Its messages quote the token, so only the error's class is
 * read: they never reach an answer or a log.
 */
function failureOf(error: unknown): UserJwtFailure {
  if (error instanceof JwtTokenSignatureMismatched) return 'bad_signature';
  // A header naming another algorithm, `none`, a `crit` extension or a `typ` other than JWT.
  if (error instanceof JwtAlgorithmMismatch || error instanceof JwtHeaderInvalid) return 'unsupported_algorithm';
  return 'malformed_token';
}

/**
 * Verifies an end-user JWT (RFC 7519) signed with HS256 and `USER_JWT_SECRET`. Hono's `verify` (WebCrypto, the
 * comparison constant-time inside `crypto.subtle.verify`) checks the form, the header — `alg` must be `HS256`,
 * never `none` nor another algorithm named by the token; no `crit` — and the signature. The claims are then checked
 * here, against the worker's clock and only once the signature holds: `exp` present and in the future, `nbf`
 * honoured, `sub` a non-empty string, `iss` and `aud` when configured. No leeway.
 */
export async function verifyUserJwt(token: string | undefined, config: UserJwtConfig, nowMilliseconds: number): Promise<UserJwtResult> {
  const fail = (failure: UserJwtFailure): UserJwtResult => ({ ok: false, failure });
  if (token === undefined || token === '') return fail('missing_token');
  if (token.length > MAX_JWT_LENGTH || !COMPACT_JWT.test(token)) return fail('malformed_token');
  let payload: unknown;
  try {
    // Time claims are checked below with the worker's clock (hono's would read Date.now and ignore a missing exp).
    payload = await verify(token, await hmacKey(config.secret), { alg: 'HS256', exp: false, nbf: false, iat: false });
  } catch (error) {
    return fail(failureOf(error));
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return fail('malformed_token');

  const now = nowMilliseconds / 1000;
  const { sub, exp, nbf, iss, aud } = payload as Record<string, unknown>;
  if (!isNumericDate(exp)) return fail('missing_expiry');
  if (now >= exp) return fail('expired');
  if (nbf !== undefined && (!isNumericDate(nbf) || now < nbf)) return fail('not_yet_valid');
  if (typeof sub !== 'string' || sub === '') return fail('missing_subject');
  if (config.issuer !== undefined && iss !== config.issuer) return fail('wrong_issuer');
  if (config.audience !== undefined && !(aud === config.audience || (Array.isArray(aud) && aud.includes(config.audience)))) {
    return fail('wrong_audience');
  }
  return { ok: true, claims: { subject: sub, expiresAt: exp } };
}
