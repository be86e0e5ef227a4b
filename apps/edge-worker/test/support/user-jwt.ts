// HS256 JWTs for the tests, signed with node:crypto (independently of the worker's WebCrypto verifier).
import { createHmac } from 'node:crypto';

export const JWT_SECRET = 'test-user-jwt-secret-0123456789abcdef-0123456789';

const encode = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Signs `claims` (with `exp` one hour ahead unless given) with HS256, or with `header` overrides (e.g. `alg: 'none'`). */
export function signJwt(claims: Record<string, unknown>, options: { secret?: string; header?: Record<string, unknown> } = {}): string {
  const header = encode({ alg: 'HS256', typ: 'JWT', ...options.header });
  const payload = encode({ exp: Math.floor(Date.now() / 1000) + 3600, ...claims });
  const signature = createHmac('sha256', options.secret ?? JWT_SECRET)
    .update(`${header}.${payload}`)
    .digest('base64url');
  return `${header}.${payload}.${signature}`;
}

/** `Authorization` header value for a user. */
export const bearer = (subject: string, claims: Record<string, unknown> = {}): string => `Bearer ${signJwt({ sub: subject, ...claims })}`;
