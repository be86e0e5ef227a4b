// verifyUserJwt in Node: hono's verify for the form, header and signature; the claims against the worker's clock.
import { describe, expect, it } from 'vitest';
import { verifyUserJwt } from '../src/auth/user-jwt.js';
import type { UserJwtConfig } from '../src/config/user-jwt-config.js';
import { JWT_SECRET, signJwt } from './support/user-jwt.js';

const config: UserJwtConfig = { secret: JWT_SECRET, issuer: undefined, audience: undefined };
const NOW = 1_700_000_000_000;

describe('verifyUserJwt', () => {
  it('checks exp and nbf against the clock it is given (no leeway), not the machine clock', async () => {
    const token = signJwt({ sub: 'viewer-1', exp: 1_700_000_100, nbf: 1_700_000_000 });
    expect(await verifyUserJwt(token, config, NOW)).toEqual({ ok: true, claims: { subject: 'viewer-1', expiresAtSeconds: 1_700_000_100 } });
    expect(await verifyUserJwt(token, config, 1_700_000_100_000)).toEqual({ ok: false, failure: 'expired' });
    expect(await verifyUserJwt(token, config, NOW - 1)).toEqual({ ok: false, failure: 'not_yet_valid' });
    // iat is not checked: a token issued a moment "later" by a skewed issuer clock is fine.
    expect(await verifyUserJwt(signJwt({ sub: 'viewer-1', exp: 1_700_000_100, iat: 1_800_000_000 }), config, NOW)).toMatchObject({
      ok: true,
    });
  });

  it.each(['-----BEGIN PUBLIC KEY----- but really an HMAC secret', 'PRIVATE-hmac-secret-of-the-tenant-0123456789'])(
    'verifies with a secret that reads like a PEM key: %s',
    async (secret) => {
      const token = signJwt({ sub: 'viewer-1', exp: 1_700_000_100 }, { secret });
      expect(await verifyUserJwt(token, { ...config, secret }, NOW)).toMatchObject({ ok: true });
      expect(await verifyUserJwt(token, config, NOW)).toEqual({ ok: false, failure: 'bad_signature' });
    },
  );

  it('refuses crit, another typ, none and other algorithms as unsupported_algorithm; a token that is not three segments as malformed', async () => {
    const claims = { sub: 'viewer-1', exp: 1_700_000_100 };
    for (const header of [{ crit: ['exp'] }, { typ: 'at+jwt' }, { alg: 'none' }, { alg: 'HS512' }, { alg: 'RS256' }]) {
      expect(await verifyUserJwt(signJwt(claims, { header }), config, NOW), JSON.stringify(header)).toEqual({
        ok: false,
        failure: 'unsupported_algorithm',
      });
    }
    const [header, payload] = signJwt(claims).split('.');
    for (const token of [
      `${header}.${payload}.`,
      `${header}.${payload}`,
      `${header}.${payload}.sig.extra`,
      `${header}.${payload}.s!g`,
      'x'.repeat(9000),
    ]) {
      expect(await verifyUserJwt(token, config, NOW)).toEqual({ ok: false, failure: 'malformed_token' });
    }
    expect(await verifyUserJwt(undefined, config, NOW)).toEqual({ ok: false, failure: 'missing_token' });
  });

  it('refuses segments that are not base64url JSON objects, and an algorithm spelt in another case', async () => {
    const claims = { sub: 'viewer-1', exp: 1_700_000_100 };
    const encode = (value: string) => Buffer.from(value).toString('base64url');
    const [header, payload, signature] = signJwt(claims).split('.') as [string, string, string];
    for (const token of [
      `${encode('not json')}.${payload}.${signature}`,
      `${header}.${encode('[1,2]')}.${signature}`,
      `${header}.${Buffer.from([0xff, 0xfe]).toString('base64url')}.${signature}`,
      `${header}.${payload}.${signature}aa`, // a base64url length no encoder produces
    ]) {
      expect(await verifyUserJwt(token, config, NOW), token).toEqual({ ok: false, failure: 'malformed_token' });
    }
    expect(await verifyUserJwt(signJwt(claims, { header: { alg: 'hs256' } }), config, NOW)).toEqual({
      ok: false,
      failure: 'unsupported_algorithm',
    });
    expect(await verifyUserJwt(signJwt(claims, { header: { typ: 'jwt' } }), config, NOW)).toMatchObject({ ok: true });
  });

  it('checks the claims only after the signature: a forged token is bad_signature whatever it claims', async () => {
    const forged = signJwt({ exp: 1, iss: 'evil' }, { secret: 'not-the-secret-0123456789-0123456789' });
    expect(await verifyUserJwt(forged, { ...config, issuer: 'https://auth.test' }, NOW)).toEqual({ ok: false, failure: 'bad_signature' });
    const strict = { ...config, issuer: 'https://auth.test', audience: 'edge' };
    const good = { sub: 'viewer-1', exp: 1_700_000_100, iss: 'https://auth.test' };
    expect(await verifyUserJwt(signJwt({ ...good, aud: ['other', 'edge'] }), strict, NOW)).toMatchObject({ ok: true });
    expect(await verifyUserJwt(signJwt({ ...good, iss: 'https://evil.test', aud: 'edge' }), strict, NOW)).toEqual({
      ok: false,
      failure: 'wrong_issuer',
    });
    expect(await verifyUserJwt(signJwt({ ...good, aud: 'other' }), strict, NOW)).toEqual({ ok: false, failure: 'wrong_audience' });
    expect(await verifyUserJwt(signJwt({ exp: 1_700_000_100 }), config, NOW)).toEqual({ ok: false, failure: 'missing_subject' });
    expect(await verifyUserJwt(signJwt({ sub: 'viewer-1', exp: undefined }), config, NOW)).toEqual({
      ok: false,
      failure: 'missing_expiry',
    });
  });
});
