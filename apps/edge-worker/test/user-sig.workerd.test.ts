// POST /tencent/usersig inside real workerd: UserSigs minted for JWT-authenticated end users, checked with
// @tokenwire/core's verifyUserSig.
import { decodeUserSig, verifyUserSig } from '@tokenwire/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SDK_APP_ID, SECRET_KEY } from './support/tencent-app.js';
import { bearer, JWT_SECRET, signJwt } from './support/user-jwt.js';
import { startWorker, waitForLog, type WorkerHarness } from './support/workerd.js';

const URL_USERSIG = 'https://edge.test/tencent/usersig';
const BINDINGS = {
  TENCENT_SDK_APP_ID: String(SDK_APP_ID),
  TENCENT_SECRET_KEY: SECRET_KEY,
  USER_JWT_SECRET: JWT_SECRET,
  TENCENT_ADMIN_IDENTIFIERS: 'ops-admin, robot_admin',
  USER_SIG_EXPIRE_SECONDS: '3600',
};

let worker: WorkerHarness;
beforeAll(async () => {
  worker = await startWorker({ bindings: BINDINGS });
}, 120_000);
afterAll(async () => {
  await worker?.dispose();
});

const mint = (authorization?: string, method = 'POST') =>
  worker.dispatch(new Request(URL_USERSIG, { method, headers: authorization === undefined ? {} : { authorization } }));

async function expectError(response: Response, status: number, error: string) {
  expect(response.status).toBe(status);
  const text = await response.text();
  expect(JSON.parse(text)).toMatchObject({ error });
  expect(response.headers.get('x-aicc-gateway-error')).toBe(error);
  for (const secret of [SECRET_KEY, JWT_SECRET]) expect(text).not.toContain(secret);
  return text;
}

describe('minting', () => {
  it('mints a UserSig for the JWT subject that verifyUserSig accepts, valid for USER_SIG_EXPIRE_SECONDS', async () => {
    const before = Math.floor(Date.now() / 1000);
    const response = await mint(bearer('viewer-42'));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const answer = (await response.json()) as { userSig: string; expiresAtMs: number; sdkAppId: number; userId: string };
    expect(answer).toMatchObject({ sdkAppId: SDK_APP_ID, userId: 'viewer-42' });
    const document = verifyUserSig(answer.userSig, { sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY, identifier: 'viewer-42' });
    expect(document.expire).toBe(3600);
    expect(document.time).toBeGreaterThanOrEqual(before - 1);
    expect(answer.expiresAtMs).toBe(document.expiresAtSeconds * 1000);
    expect(() => verifyUserSig(answer.userSig, { sdkAppId: SDK_APP_ID, secretKey: 'another-secret', identifier: 'viewer-42' })).toThrow();
  });

  it('mints for non-ASCII identifiers and checks iss/aud only when configured', async () => {
    const response = await mint(bearer('观众-7', { iss: 'anyone', aud: ['x'] }));
    expect(response.status).toBe(200);
    const { userSig } = (await response.json()) as { userSig: string };
    expect(decodeUserSig(userSig).identifier).toBe('观众-7');
  });
});

describe('refusals', () => {
  it('401 without a token, with a malformed one, or with a wrong scheme', async () => {
    const missing = await mint();
    await expectError(missing, 401, 'unauthorized');
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    await expectError(await mint('Bearer not.a.jwt'), 401, 'unauthorized');
    await expectError(await mint(`Basic ${btoa('viewer:pw')}`), 401, 'unauthorized');
  });

  it('401 for an expired JWT, one not yet valid, or one without exp', async () => {
    const expired = await mint(`Bearer ${signJwt({ sub: 'viewer-1', exp: Math.floor(Date.now() / 1000) - 5 })}`);
    expect(await expectError(expired, 401, 'unauthorized')).toContain('expired');
    expect(expired.headers.get('www-authenticate')).toBe('Bearer error="invalid_token", error_description="expired"');
    const early = await mint(`Bearer ${signJwt({ sub: 'viewer-1', nbf: Math.floor(Date.now() / 1000) + 300 })}`);
    expect(await expectError(early, 401, 'unauthorized')).toContain('not_yet_valid');
    const noExpiry = await mint(`Bearer ${signJwt({ sub: 'viewer-1', exp: undefined })}`);
    expect(await expectError(noExpiry, 401, 'unauthorized')).toContain('missing_expiry');
  });

  it('401 for a JWT signed with another key, alg none, another algorithm, or without sub', async () => {
    const otherKey = await mint(`Bearer ${signJwt({ sub: 'viewer-1' }, { secret: 'another-secret-that-is-long-enough-0123456789' })}`);
    expect(await expectError(otherKey, 401, 'unauthorized')).toContain('bad_signature');
    const [header, payload] = signJwt({ sub: 'viewer-1' }, { header: { alg: 'none' } }).split('.');
    expect(await expectError(await mint(`Bearer ${header}.${payload}.`), 401, 'unauthorized')).toContain('malformed_token');
    const none = await mint(`Bearer ${signJwt({ sub: 'viewer-1' }, { header: { alg: 'none' } })}`);
    expect(await expectError(none, 401, 'unauthorized')).toContain('unsupported_algorithm');
    const hs512 = await mint(`Bearer ${signJwt({ sub: 'viewer-1' }, { header: { alg: 'HS512' } })}`);
    expect(await expectError(hs512, 401, 'unauthorized')).toContain('unsupported_algorithm');
    const noSubject = await mint(`Bearer ${signJwt({})}`);
    expect(await expectError(noSubject, 401, 'unauthorized')).toContain('missing_subject');
  });

  it('403 for administrator identifiers, built-in or configured, in any case, padded or in compatibility forms (NFKC)', async () => {
    for (const admin of [
      'administrator',
      'Administrator',
      'ops-admin',
      'ROBOT_ADMIN',
      'administrator ', // padded
      '\tadministrator',
      'administrator\u3000', // ideographic space
      'ａｄｍｉｎｉｓｔｒａｔｏｒ', // full-width
      'ＯＰＳ-admin',
      'ops\uFE63admin', // small hyphen-minus, NFKC "-"
    ]) {
      await expectError(await mint(bearer(admin)), 403, 'forbidden');
    }
  });

  it('400 for a subject that is not a Tencent identifier, 405 for GET', async () => {
    await expectError(await mint(bearer('x'.repeat(33))), 400, 'invalid_identifier');
    await expectError(await mint(bearer('观众观众观众观众观众观')), 400, 'invalid_identifier'); // 33 bytes
    await expectError(await mint(bearer('viewer\n1')), 400, 'invalid_identifier');
  });

  it('400 for a subject with a C1 control, a bidi or other format character, a zero-width character or a lone surrogate', async () => {
    for (const subject of [
      'viewer\u0085', // C1 next line
      'viewer\u009b1', // C1 CSI
      'viewer\u202e1', // right-to-left override
      '\u2066viewer\u2069', // isolates
      'vie\u200bwer', // zero-width space
      'vie\u200dwer', // zero-width joiner
      '\ufeffviewer', // BOM
      'viewer\u00ad', // soft hyphen
      'viewer\u2028', // line separator
      'victim\ud800', // lone surrogate (UTF-8 cannot carry it: a UserSig for it would verify for "victim\ufffd")
      ' viewer', // white space at either end reads like another user
    ]) {
      await expectError(await mint(bearer(subject)), 400, 'invalid_identifier');
    }
    const get = await mint(bearer('viewer-1'), 'GET');
    await expectError(get, 405, 'method_not_allowed');
    expect(get.headers.get('allow')).toBe('POST');
  });
});

describe('configuration', () => {
  it('checks iss and aud when configured', async () => {
    const strict = await startWorker({ bindings: { ...BINDINGS, USER_JWT_ISSUER: 'https://auth.test', USER_JWT_AUDIENCE: 'edge' } });
    try {
      const call = (claims: Record<string, unknown>) =>
        strict.dispatch(new Request(URL_USERSIG, { method: 'POST', headers: { authorization: bearer('viewer-9', claims) } }));
      expect((await call({ iss: 'https://auth.test', aud: ['other', 'edge'] })).status).toBe(200);
      expect(await (await call({ iss: 'https://evil.test', aud: 'edge' })).text()).toContain('wrong_issuer');
      expect(await (await call({ iss: 'https://auth.test', aud: 'other' })).text()).toContain('wrong_audience');
    } finally {
      await strict.dispose();
    }
  });

  it('answers 500 misconfigured, logging the missing or weak bindings (never their values) without naming them to the caller', async () => {
    const weak = await startWorker({ bindings: { TENCENT_SDK_APP_ID: String(SDK_APP_ID), USER_JWT_SECRET: 'short-secret' } });
    try {
      const response = await weak.dispatch(new Request(URL_USERSIG, { method: 'POST', headers: { authorization: bearer('viewer-1') } }));
      const text = await expectError(response, 500, 'misconfigured');
      expect(text).not.toContain('TENCENT_SECRET_KEY');
      const logs = await waitForLog(weak, 'USER_JWT_SECRET must be at least 32 bytes long');
      expect(logs).toContain('TENCENT_SECRET_KEY is not set');
      for (const output of [text, logs]) expect(output).not.toContain('short-secret');
    } finally {
      await weak.dispose();
    }
  });
});
