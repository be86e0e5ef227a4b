import { describe, expect, it } from 'vitest';
import { systemClock } from '../clock.js';
import { randomUint32 } from '../endpoint/random-uint32.js';
import { ValidationError } from '../errors/validation-error.js';
import ky from 'ky';
import { DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT_MS, resolveClientOptions } from './client-options.js';
import { DEFAULT_RETRY_OPTIONS, NO_RETRY_POLICY } from './retry-policy.js';

const SECRET_KEY = 'client-options-secret-key-0123456789';
const USER_SIG = 'eJyrVgrxCdYrSy1SslIyUtJRygeKRBrmFhgZGQ';

function issuesOf(input: unknown): { path: string; message: string }[] {
  try {
    resolveClientOptions(input);
  } catch (error) {
    expect(ValidationError.isInstance(error)).toBe(true);
    const validation = error as ValidationError;
    expect(validation.message).not.toContain(SECRET_KEY);
    expect(validation.message).not.toContain(USER_SIG);
    expect(JSON.stringify(validation)).not.toContain(SECRET_KEY);
    return validation.issues.map((issue) => ({ ...issue }));
  }
  return [];
}

describe('resolveClientOptions', () => {
  it('applies the defaults', () => {
    const resolved = resolveClientOptions({
      sdkAppId: 1400000000,
      identifier: 'administrator',
      secretKey: SECRET_KEY,
      region: 'singapore',
    });
    expect(resolved).toMatchObject({
      sdkAppId: 1400000000,
      identifier: 'administrator',
      baseUrl: 'https://adminapisgp.im.qcloud.com',
      secretKey: SECRET_KEY,
      userSig: undefined,
      timeoutMs: DEFAULT_TIMEOUT_MS,
      retryPolicy: DEFAULT_RETRY_OPTIONS,
      requestsPerSecond: 200,
      hooks: {},
      userSigExpireSeconds: 86_400,
    });
    expect(resolved.now).toBe(systemClock);
    expect(resolved.random).toBe(randomUint32);
    expect(resolved.responseSizeLimit.maxBytes).toBe(DEFAULT_MAX_RESPONSE_BYTES);
    // No fetch and no ky instance: the request engine sends with ky and the global fetch.
    expect(resolved.fetch).toBeUndefined();
    expect(resolved.ky).toBeUndefined();
  });

  it('takes a userSig and a custom base URL, and every override', () => {
    const fetch = async (): Promise<Response> => new Response('{}');
    const api = ky.create({ headers: { 'x-trace': '1' } });
    const resolved = resolveClientOptions({
      sdkAppId: 20000001,
      identifier: 'admin',
      userSig: USER_SIG,
      baseUrl: 'http://127.0.0.1:8787/prefix/',
      fetch,
      ky: api,
      timeoutMs: 4000,
      maxResponseBytes: 1024,
      retry: false,
      rateLimit: { requestsPerSecond: 50 },
    });
    expect(resolved.baseUrl).toBe('http://127.0.0.1:8787/prefix');
    expect(resolved.userSig).toBe(USER_SIG);
    expect(resolved.fetch).toBe(fetch);
    expect(resolved.ky).toBe(api);
    expect(resolved.timeoutMs).toBe(4000);
    expect(resolved.responseSizeLimit.maxBytes).toBe(1024);
    expect(resolved.retryPolicy).toBe(NO_RETRY_POLICY);
    expect(resolved.requestsPerSecond).toBe(50);
    expect(
      resolveClientOptions({ sdkAppId: 1, identifier: 'a', userSig: USER_SIG, region: 'china', rateLimit: false }).requestsPerSecond,
    ).toBe(false);
  });

  it('lists every issue at once', () => {
    const issues = issuesOf({
      sdkAppId: -3,
      identifier: '',
      secretKey: SECRET_KEY,
      userSig: USER_SIG,
      region: 'china',
      baseUrl: 'https://example.test',
      ky: { extend: 'not a ky instance' },
      fetch: 'fetch',
      timeoutMs: 0,
      maxResponseBytes: 0.5,
      retry: { limit: -1, baseDelayMs: Number.NaN, retries: 2 },
      rateLimit: { requestsPerSecond: 0 },
      hooks: { onRequest: 1, onError: () => undefined },
      now: 5,
      random: {},
      sleep: () => Promise.resolve(),
      userSigExpireSeconds: 10,
      secretkey: 'typo',
    });
    // Each field in the order of the options' type, then the first unknown option (valibot reports one), then the
    // rules between fields.
    expect(issues.map((issue) => issue.path)).toEqual([
      'sdkAppId',
      'identifier',
      'ky',
      'fetch',
      'timeoutMs',
      'maxResponseBytes',
      'retry.limit',
      'retry.baseDelayMs',
      'retry.retries',
      'rateLimit.requestsPerSecond',
      'hooks.onRequest',
      'hooks.onError',
      'now',
      'random',
      'userSigExpireSeconds',
      // sleep is no longer an option: ky's timers and core's sleep wait (tests fake the timers).
      'sleep',
      'secretKey',
      'region',
    ]);
    expect(issues.find((issue) => issue.path === 'secretKey')?.message).toMatch(/exactly one of secretKey and userSig/);
    expect(issues.find((issue) => issue.path === 'region')?.message).toMatch(/exactly one of region and baseUrl/);
    expect(issues.find((issue) => issue.path === 'ky')?.message).toBe('must be a ky instance (ky.create(…) or ky.extend(…)), got object');
  });

  it('requires a credential and an endpoint', () => {
    expect(issuesOf({ sdkAppId: 1, identifier: 'a' })).toEqual([
      { path: 'secretKey', message: 'exactly one of secretKey and userSig is required; neither was given' },
      { path: 'region', message: 'exactly one of region and baseUrl is required; neither was given' },
    ]);
  });

  it('never echoes an unknown region, which may be a URL with credentials', () => {
    const mistaken = 'https://admin:hunter2-password@proxy.example.test/?usersig=eJyrVgrx-secret';
    let caught: unknown;
    try {
      resolveClientOptions({ sdkAppId: 1, identifier: 'a', secretKey: SECRET_KEY, region: mistaken });
    } catch (error) {
      caught = error;
    }
    expect(ValidationError.isInstance(caught)).toBe(true);
    const error = caught as ValidationError;
    expect(error.issues.map((issue) => issue.path)).toEqual(['region']);
    for (const text of [error.message, JSON.stringify(error), JSON.stringify(error.issues)]) {
      for (const part of ['hunter2', 'proxy.example', 'eJyrVgrx']) expect(text).not.toContain(part);
    }
  });

  it('rejects bad endpoints with a reason', () => {
    const base = { sdkAppId: 1, identifier: 'a', secretKey: SECRET_KEY };
    expect(issuesOf({ ...base, region: 'mars' })[0]?.message).toMatch(
      /^is not a known region \(.*singapore.*\); pass custom URLs as baseUrl$/,
    );
    expect(issuesOf({ ...base, region: 'https://example.test' })[0]?.path).toBe('region');
    expect(issuesOf({ ...base, baseUrl: 'singapore' })[0]?.message).toMatch(/is a region name; pass it as region/);
    expect(issuesOf({ ...base, baseUrl: 'ftp://example.test' })[0]?.message).toMatch(/must be an absolute http\(s\) URL/);
    expect(issuesOf({ ...base, baseUrl: 'https://example.test/?usersig=x' })[0]?.message).toMatch(/query/);
    expect(issuesOf({ ...base, baseUrl: 42 })[0]).toEqual({ path: 'baseUrl', message: 'must be a string, got number' });
  });

  it('checks credentials and lifetimes without echoing them', () => {
    expect(issuesOf({ sdkAppId: 1, identifier: '   ', secretKey: '', region: 'china' }).map((issue) => issue.path)).toEqual([
      'identifier',
      'secretKey',
    ]);
    expect(issuesOf({ sdkAppId: 1, identifier: 'a', userSig: USER_SIG, region: 'china', userSigExpireSeconds: 3600 })).toEqual([
      { path: 'userSigExpireSeconds', message: 'only applies when the client signs with secretKey' },
    ]);
    expect(
      issuesOf({ sdkAppId: 1, identifier: 'a', secretKey: SECRET_KEY, region: 'china', userSigExpireSeconds: 315_360_001 })[0]?.path,
    ).toBe('userSigExpireSeconds');
    expect(issuesOf({ sdkAppId: 4_294_967_296, identifier: 'a', secretKey: SECRET_KEY, region: 'china' })[0]?.path).toBe('sdkAppId');
    expect(issuesOf({ sdkAppId: 1.5, identifier: 'a', secretKey: SECRET_KEY, region: 'china', timeoutMs: 2 ** 31 })).toHaveLength(2);
  });

  it('rejects a missing or non-object options argument', () => {
    expect(issuesOf(undefined)).toEqual([{ path: '', message: 'must be an options object, got undefined' }]);
    expect(issuesOf([])).toEqual([{ path: '', message: 'must be an options object, got an array' }]);
    expect(
      issuesOf({ sdkAppId: 1, identifier: 'a', secretKey: SECRET_KEY, region: 'china', retry: true, rateLimit: 5, hooks: [] }).map(
        (issue) => issue.path,
      ),
    ).toEqual(['retry', 'rateLimit', 'hooks']);
  });
});
