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
  readonly expiresAtSeconds: number;
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

/** The HMAC-SHA256 key of a secret, imported once per isolate (the last few are kept, for rotations). */
function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (key === undefined) {
    if (keys.size >= 4) keys.delete(keys.keys().next().value!);
    key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    keys.set(secret, key);
  }
  return key;
}

/** The bytes of a base64url segment (the form was checked by {@link COMPACT_JWT}; a stray length fails `atob`). */
function base64UrlBytes(segment: string): Uint8Array<ArrayBuffer> {
  const binary = atob(segment.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (character) => character.charCodeAt(0));
}

/** A segment as a JSON object, or `undefined` (not UTF-8, not JSON, not an object). */
function jsonObject(segment: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(base64UrlBytes(segment)));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Verifies an end-user JWT (RFC 7519) signed with HS256 and `USER_JWT_SECRET`: the compact form, the header — `alg`
 * must be `HS256`, never `none` nor another algorithm named by the token; no `crit`; `typ`, if any, `JWT` — and the
 * signature (WebCrypto HMAC, compared in constant time by `crypto.subtle.verify`). The claims are then checked against
 * the worker's clock, only once the signature holds: `exp` present and in the future, `nbf` honoured, `sub` a
 * non-empty string, `iss` and `aud` when configured. No leeway. Written here rather than with `hono/utils/jwt`:
 * these few lines are what the worker needs of it, and the rest of it cost about 2 KB of the worker's 45 KB budget.
 */
export async function verifyUserJwt(token: string | undefined, config: UserJwtConfig, nowMilliseconds: number): Promise<UserJwtResult> {
  const fail = (failure: UserJwtFailure): UserJwtResult => ({ ok: false, failure });
  if (token === undefined || token === '') return fail('missing_token');
  if (token.length > MAX_JWT_LENGTH || !COMPACT_JWT.test(token)) return fail('malformed_token');
  const [headerSegment, payloadSegment, signatureSegment] = token.split('.') as [string, string, string];
  const header = jsonObject(headerSegment);
  const payload = jsonObject(payloadSegment);
  if (header === undefined || payload === undefined) return fail('malformed_token');
  // Only the configured algorithm: never `none` nor one the token names; no `crit` extension; `typ`, if any, JWT.
  if (header['alg'] !== 'HS256' || 'crit' in header || (header['typ'] !== undefined && String(header['typ']).toUpperCase() !== 'JWT')) {
    return fail('unsupported_algorithm');
  }
  let signature: Uint8Array<ArrayBuffer>;
  try {
    signature = base64UrlBytes(signatureSegment);
  } catch {
    return fail('malformed_token');
  }
  // crypto.subtle.verify compares in constant time.
  const signed = new TextEncoder().encode(`${headerSegment}.${payloadSegment}`);
  if (!(await crypto.subtle.verify('HMAC', await hmacKey(config.secret), signature, signed))) return fail('bad_signature');

  const now = nowMilliseconds / 1000;
  const { sub, exp, nbf, iss, aud } = payload;
  if (!isNumericDate(exp)) return fail('missing_expiry');
  if (now >= exp) return fail('expired');
  if (nbf !== undefined && (!isNumericDate(nbf) || now < nbf)) return fail('not_yet_valid');
  if (typeof sub !== 'string' || sub === '') return fail('missing_subject');
  if (config.issuer !== undefined && iss !== config.issuer) return fail('wrong_issuer');
  if (config.audience !== undefined && !(aud === config.audience || (Array.isArray(aud) && aud.includes(config.audience)))) {
    return fail('wrong_audience');
  }
  return { ok: true, claims: { subject: sub, expiresAtSeconds: exp } };
}
