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
export type UserJwtResult = { readonly ok: true; readonly claims: UserJwtClaims } | { readonly ok: false; readonly failure: UserJwtFailure };

/** Longest accepted token, in characters. */
export const MAX_JWT_LENGTH = 8192;

const SEGMENT = /^[A-Za-z0-9_-]+$/;
const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

function base64UrlToBytes(segment: string): Uint8Array<ArrayBuffer> | undefined {
  if (!SEGMENT.test(segment) || segment.length % 4 === 1) return undefined;
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (segment.length % 4)) % 4);
  try {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
    return bytes;
  } catch {
    return undefined;
  }
}

function decodeJsonObject(segment: string): Record<string, unknown> | undefined {
  const bytes = base64UrlToBytes(segment);
  if (bytes === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** The HMAC key of a secret, imported once per isolate (the last few secrets are kept, for rotations). */
function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (key === undefined) {
    if (keys.size >= 4) keys.delete(keys.keys().next().value!);
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    keys.set(secret, key);
  }
  return key;
}

const isNumericDate = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * Verifies an end-user JWT (RFC 7519) signed with HS256 and `USER_JWT_SECRET`, with WebCrypto (the comparison is
 * constant-time inside `crypto.subtle.verify`). Only `alg: "HS256"` is accepted (never `none`, never another
 * algorithm named by the token), a `crit` header is refused, `sub` must be a non-empty string and `exp` must be
 * present and in the future; `nbf` is honoured when present; `iss` and `aud` are checked when configured. No leeway.
 */
export async function verifyUserJwt(token: string | undefined, config: UserJwtConfig, nowMilliseconds: number): Promise<UserJwtResult> {
  const fail = (failure: UserJwtFailure): UserJwtResult => ({ ok: false, failure });
  if (token === undefined || token === '') return fail('missing_token');
  if (token.length > MAX_JWT_LENGTH) return fail('malformed_token');
  const parts = token.split('.');
  if (parts.length !== 3) return fail('malformed_token');
  const [headerSegment, payloadSegment, signatureSegment] = parts as [string, string, string];
  const header = decodeJsonObject(headerSegment);
  const payload = decodeJsonObject(payloadSegment);
  const signature = base64UrlToBytes(signatureSegment);
  if (header === undefined || payload === undefined || signature === undefined) return fail('malformed_token');
  if (header['alg'] !== 'HS256' || header['crit'] !== undefined) return fail('unsupported_algorithm');

  const valid = await crypto.subtle.verify('HMAC', await hmacKey(config.secret), signature, encoder.encode(`${headerSegment}.${payloadSegment}`));
  if (!valid) return fail('bad_signature');

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
  return { ok: true, claims: { subject: sub, expiresAt: exp } };
}
