import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TencentApiError } from '../errors/tencent-api-error.js';
import { HttpStatusError, MalformedResponseError, NetworkError, RequestAbortedError, TimeoutError } from '../errors/transport-errors.js';
import { ValidationError } from '../errors/validation-error.js';
import { backoffCeiling, classifyFailure, DEFAULT_RETRY_OPTIONS, NO_RETRY_POLICY, resolveRetryPolicy } from './retry-policy.js';

const api = (code: number): TencentApiError => new TencentApiError({ code, info: 'x' });
const http = (status: number): HttpStatusError => new HttpStatusError(`HTTP ${status}`, { status });

describe('classifyFailure', () => {
  it.each([100001, 60008, 60013, 60014, 70169, 70202, 70500])('treats Tencent code %i as transient', (code) => {
    expect(classifyFailure(api(code))).toBe('transient');
  });
  it.each([60007, 60011, 60018, 60019])('treats Tencent code %i as a rate limit', (code) => {
    expect(classifyFailure(api(code))).toBe('rate_limit');
  });
  it('leaves the one-minute cool-down of 70050 to the caller', () => {
    expect(api(70050)).toMatchObject({ retryable: true, retryClass: 'cooldown' });
    expect(classifyFailure(api(70050))).toBe('none');
  });
  it.each([100002, 60002, 60003, 60009, 60012, 60015, 70001, 100300, 123456789])('never retries Tencent code %i', (code) => {
    expect(classifyFailure(api(code))).toBe('none');
  });
  it('retries transport failures and 5xx, treats 429 as a rate limit, and leaves other 4xx alone', () => {
    expect(classifyFailure(new NetworkError('down'))).toBe('transient');
    expect(classifyFailure(new TimeoutError('slow', 10))).toBe('transient');
    expect(classifyFailure(new MalformedResponseError('junk'))).toBe('transient');
    expect(classifyFailure(http(502))).toBe('transient');
    expect(classifyFailure(http(500))).toBe('transient');
    expect(classifyFailure(http(429))).toBe('rate_limit');
    expect(classifyFailure(http(400))).toBe('none');
    expect(classifyFailure(http(404))).toBe('none');
    expect(classifyFailure(new RequestAbortedError('stop'))).toBe('none');
    expect(classifyFailure(new ValidationError('x', []))).toBe('none');
    expect(classifyFailure(new TypeError('boom'))).toBe('none');
  });
});

describe('backoffCeiling', () => {
  it('is min(max, base * 2^n): it doubles per retry until the cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (retryIndex, base, max) => {
          expect(backoffCeiling(retryIndex, base, max)).toBe(Math.min(max, base * 2 ** retryIndex));
        },
      ),
    );
    expect([0, 1, 2, 3, 4, 5].map((n) => backoffCeiling(n, 200, 5000))).toEqual([200, 400, 800, 1600, 3200, 5000]);
  });
});

describe('resolveRetryPolicy', () => {
  it('fills defaults, merges overrides onto a base and maps false to no retries', () => {
    expect(resolveRetryPolicy(undefined)).toEqual(DEFAULT_RETRY_OPTIONS);
    expect(resolveRetryPolicy({ limit: 1 })).toEqual({ ...DEFAULT_RETRY_OPTIONS, limit: 1 });
    const base = resolveRetryPolicy({ baseDelayMs: 10 });
    expect(resolveRetryPolicy({ limit: 7 }, base)).toEqual({ ...DEFAULT_RETRY_OPTIONS, baseDelayMs: 10, limit: 7 });
    expect(resolveRetryPolicy(false, base)).toBe(NO_RETRY_POLICY);
    expect(NO_RETRY_POLICY.limit).toBe(0);
  });
});
