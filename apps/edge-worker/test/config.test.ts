import { describe, expect, it } from 'vitest';
import { readAiccConfig } from '../src/config/aicc-config.js';
import { readCallbackConfig } from '../src/config/callback-config.js';
import { readCorsConfig } from '../src/config/cors-config.js';
import { readUserSigConfig } from '../src/config/user-sig-config.js';

const problemsOf = (result: { ok: boolean; problems?: readonly string[] }): readonly string[] => (result.ok ? [] : (result.problems ?? []));

describe('configuration from bindings', () => {
  it('reads a complete callback configuration, with the previous token only when it differs', () => {
    const queue = { send: async () => undefined };
    const result = readCallbackConfig({
      TENCENT_SDK_APP_ID: ' 1400000000 ',
      TENCENT_CALLBACK_TOKEN: 'new',
      TENCENT_CALLBACK_TOKEN_PREVIOUS: 'old',
      EVENTS: queue,
      FORWARD_URL: 'https://events.test/x',
      BEFORE_GIFT_POLICY: 'BLOCK',
    });
    expect(result).toMatchObject({
      ok: true,
      value: { sdkAppId: 1400000000, tokens: ['new', 'old'], queue, beforeGift: { policy: 'block', forwardTimeoutMs: 1500 } },
    });
    expect(
      readCallbackConfig({ TENCENT_SDK_APP_ID: '1', TENCENT_CALLBACK_TOKEN: 'same', TENCENT_CALLBACK_TOKEN_PREVIOUS: 'same' }),
    ).toMatchObject({
      value: { tokens: ['same'] },
    });
  });

  it('lists every problem, naming bindings and never quoting values', () => {
    const problems = problemsOf(
      readCallbackConfig({
        TENCENT_SDK_APP_ID: '99999999999',
        TENCENT_CALLBACK_TOKEN: '   ',
        EVENTS: 'not a queue',
        FORWARD_URL: 'https://user:secret-password@events.test',
        BEFORE_GIFT_POLICY: 'maybe',
        BEFORE_GIFT_FORWARD_TIMEOUT_MS: '1501',
      }),
    );
    expect(problems).toEqual([
      'TENCENT_SDK_APP_ID must be the decimal SDKAppID (1 to 4294967295)',
      'TENCENT_CALLBACK_TOKEN is not set',
      'EVENTS must be a Queue producer binding',
      'FORWARD_URL must be an absolute https URL (http only for localhost) without user info (put credentials in their own binding)',
      'BEFORE_GIFT_POLICY must be allow or block',
      'BEFORE_GIFT_FORWARD_TIMEOUT_MS must be an integer from 1 to 1500',
    ]);
    expect(problems.join(' ')).not.toContain('secret-password');
  });

  it('caps BEFORE_GIFT_FORWARD_TIMEOUT_MS at 1500 ms', () => {
    const base = { TENCENT_SDK_APP_ID: '1', TENCENT_CALLBACK_TOKEN: 't' };
    expect(readCallbackConfig({ ...base, BEFORE_GIFT_FORWARD_TIMEOUT_MS: '1500' })).toMatchObject({
      ok: true,
      value: { beforeGift: { forwardTimeoutMs: 1500 } },
    });
    expect(readCallbackConfig({ ...base, BEFORE_GIFT_FORWARD_TIMEOUT_MS: '1800' }).ok).toBe(false);
  });

  it('requires https for FORWARD_URL, BEFORE_GIFT_FORWARD_URL and AICC_BASE_URL, except on loopback hosts', () => {
    const callback = { TENCENT_SDK_APP_ID: '1', TENCENT_CALLBACK_TOKEN: 't' };
    const aicc = { AICC_APP_KEY: 'k', AICC_APP_SECRET: 's', USER_JWT_SECRET: 'x'.repeat(32) };
    const httpOnly = 'must be an absolute https URL (http only for localhost) without user info (put credentials in their own binding)';
    for (const url of ['http://events.example.test/x', 'http://10.0.0.8/x', 'http://localhost.example.test/x', 'ftp://events.test/x']) {
      expect(problemsOf(readCallbackConfig({ ...callback, FORWARD_URL: url, BEFORE_GIFT_FORWARD_URL: url }))).toEqual([
        `FORWARD_URL ${httpOnly}`,
        `BEFORE_GIFT_FORWARD_URL ${httpOnly}`,
      ]);
      expect(problemsOf(readAiccConfig({ ...aicc, AICC_BASE_URL: url }))).toEqual([`AICC_BASE_URL ${httpOnly}`]);
    }
    for (const url of [
      'https://events.example.test/x',
      'http://localhost:8080/x',
      'http://127.0.0.1:9/x',
      'http://[::1]:9/x',
      'http://api.localhost/x',
    ]) {
      expect(readCallbackConfig({ ...callback, FORWARD_URL: url, BEFORE_GIFT_FORWARD_URL: url }).ok).toBe(true);
      expect(readAiccConfig({ ...aicc, AICC_BASE_URL: url }).ok).toBe(true);
    }
  });

  it('refuses a short USER_JWT_SECRET and bounds USER_SIG_EXPIRE_SECONDS', () => {
    expect(
      problemsOf(
        readUserSigConfig({
          TENCENT_SDK_APP_ID: '1',
          TENCENT_SECRET_KEY: 'k',
          USER_JWT_SECRET: 'x'.repeat(31),
          USER_SIG_EXPIRE_SECONDS: '59',
        }),
      ),
    ).toEqual(['USER_SIG_EXPIRE_SECONDS must be an integer from 60 to 2592000', 'USER_JWT_SECRET must be at least 32 bytes long']);
    const ok = readUserSigConfig({
      TENCENT_SDK_APP_ID: '1',
      TENCENT_SECRET_KEY: 'k',
      USER_JWT_SECRET: 'x'.repeat(32),
      TENCENT_ADMIN_IDENTIFIERS: 'Ops, ,root, ＡＤＭＩＮ ',
    });
    expect(ok.ok && [...ok.value.adminIdentifiers]).toEqual(['administrator', 'ops', 'root', 'admin']);
  });

  it('reads USER_SIG_EXPIRE_SECONDS, and its deprecated name USERSIG_TTL_SECONDS — not both', () => {
    const base = { TENCENT_SDK_APP_ID: '1', TENCENT_SECRET_KEY: 'k', USER_JWT_SECRET: 'x'.repeat(32) };
    expect(readUserSigConfig(base)).toMatchObject({ ok: true, value: { expireSeconds: 86_400 } });
    expect(readUserSigConfig({ ...base, USER_SIG_EXPIRE_SECONDS: '600' })).toMatchObject({ ok: true, value: { expireSeconds: 600 } });
    expect(readUserSigConfig({ ...base, USERSIG_TTL_SECONDS: '900' })).toMatchObject({ ok: true, value: { expireSeconds: 900 } });
    expect(problemsOf(readUserSigConfig({ ...base, USER_SIG_EXPIRE_SECONDS: '600', USERSIG_TTL_SECONDS: '900' }))).toEqual([
      'USERSIG_TTL_SECONDS is the deprecated name of USER_SIG_EXPIRE_SECONDS: set only USER_SIG_EXPIRE_SECONDS',
    ]);
  });

  it('never quotes a binding value in a problem, whatever is wrong with it', () => {
    const secret = 'sEcReT-value-9f8e7d6c5b4a';
    const everything = {
      TENCENT_SDK_APP_ID: secret,
      TENCENT_CALLBACK_TOKEN: 42,
      TENCENT_SECRET_KEY: { secret },
      FORWARD_URL: `https://user:${secret}@x.test`,
      BEFORE_GIFT_POLICY: secret,
      BEFORE_GIFT_FORWARD_TIMEOUT_MS: secret,
      USER_SIG_EXPIRE_SECONDS: secret,
      USER_JWT_SECRET: secret,
      AICC_BASE_URL: secret,
      AICC_APP_KEY: [secret],
      AICC_FABRIC_TOKEN_PATH: secret,
      AICC_ACCESS_TOKEN_TTL_SECONDS: secret,
      ALLOWED_ORIGINS: secret,
      EVENTS: secret,
    };
    const problems = [readCallbackConfig, readUserSigConfig, readAiccConfig, readCorsConfig].flatMap((read) =>
      problemsOf(read(everything)),
    );
    expect(problems.length).toBeGreaterThanOrEqual(14);
    for (const problem of problems) {
      expect(problem).not.toContain(secret);
      expect(problem).toMatch(/^[A-Z_]+ /); // names the binding first
    }
  });

  it('normalises AICC_BASE_URL and checks the token path', () => {
    const ok = readAiccConfig({
      AICC_BASE_URL: 'https://aicc.test/prefix/',
      AICC_APP_KEY: 'k',
      AICC_APP_SECRET: 's',
      USER_JWT_SECRET: 'x'.repeat(32),
    });
    expect(ok).toMatchObject({
      ok: true,
      value: { baseUrl: 'https://aicc.test/prefix', fabricTokenPath: '/apigovernance/api/oauth/tokenByAkSk', accessTokenTtlSeconds: 600 },
    });
    expect(
      problemsOf(
        readAiccConfig({
          AICC_BASE_URL: 'https://aicc.test?x=1',
          AICC_APP_KEY: 'k',
          AICC_APP_SECRET: 's',
          USER_JWT_SECRET: 'x'.repeat(32),
          AICC_FABRIC_TOKEN_PATH: 'oauth',
        }),
      ),
    ).toEqual(['AICC_BASE_URL must not have a query or fragment', 'AICC_FABRIC_TOKEN_PATH must be a path starting with /']);
  });

  it('reads ALLOWED_ORIGINS as exact origins or *', () => {
    expect(readCorsConfig({ ALLOWED_ORIGINS: 'https://A.example.test, http://localhost:5173' })).toMatchObject({
      ok: true,
      value: { anyOrigin: false, origins: new Set(['https://a.example.test', 'http://localhost:5173']) },
    });
    expect(readCorsConfig({ ALLOWED_ORIGINS: '*' })).toMatchObject({ ok: true, value: { anyOrigin: true } });
    expect(readCorsConfig({})).toMatchObject({ ok: true, value: { anyOrigin: false, origins: new Set() } });
    expect(readCorsConfig({ ALLOWED_ORIGINS: 'https://a.test/app' }).ok).toBe(false);
  });
});
