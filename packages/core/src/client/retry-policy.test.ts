import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TencentApiError } from '../errors/tencent-api-error.js';
import {
  HttpStatusError,
  MalformedResponseError,
  NetworkError,
  RequestAbortedError,
  TimeoutError,
} from '../errors/transport-errors.js';
import { ValidationError } from '../errors/validation-error.js';
import {
  classifyFailure,
  decideRetry,
  DEFAULT_RETRY_OPTIONS,
  fullJitterDelay,
  NO_RETRY_POLICY,
  parseRetryAfter,
  resolveRetryPolicy,
} from './retry-policy.js';

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

describe('fullJitterDelay', () => {
  it('stays in [0, min(max, base * 2^n)) for every fraction in [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (retryIndex, base, max, fraction) => {
          const delay = fullJitterDelay(retryIndex, base, max, fraction);
          const ceiling = Math.min(max, base * 2 ** retryIndex);
          expect(Number.isInteger(delay)).toBe(true);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThan(ceiling);
        },
      ),
    );
  });
  it('doubles the ceiling per retry until the cap', () => {
    const almostOne = 0.999_999;
    expect([0, 1, 2, 3, 4, 5].map((n) => fullJitterDelay(n, 200, 5000, almostOne))).toEqual([199, 399, 799, 1599, 3199, 4999]);
    expect(fullJitterDelay(3, 200, 5000, 0)).toBe(0);
    expect(fullJitterDelay(1, 200, 5000, 0.5)).toBe(200);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('1.5', now)).toBe(1500);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:59:00 GMT', now)).toBe(0);
  });
  it('ignores absent and unreadable values', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
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

describe('decideRetry', () => {
  const policy = DEFAULT_RETRY_OPTIONS;
  const half = (): number => 0.5;

  it('uses the transient backoff for transient failures and the longer one for rate limits', () => {
    expect(decideRetry({ error: api(100001), retriesSoFar: 0, policy, jitter: half })).toEqual({ retry: true, delayMs: 100 });
    expect(decideRetry({ error: api(100001), retriesSoFar: 2, policy, jitter: half })).toEqual({ retry: true, delayMs: 400 });
    expect(decideRetry({ error: api(60018), retriesSoFar: 0, policy, jitter: half })).toEqual({ retry: true, delayMs: 500 });
    expect(decideRetry({ error: api(60018), retriesSoFar: 2, policy, jitter: half })).toEqual({ retry: true, delayMs: 2000 });
  });

  it('stops at the limit and for non-retryable failures without drawing jitter', () => {
    const jitter = (): number => {
      throw new TypeError('jitter must not be drawn');
    };
    expect(decideRetry({ error: api(100001), retriesSoFar: 3, policy, jitter })).toEqual({ retry: false });
    expect(decideRetry({ error: api(100002), retriesSoFar: 0, policy, jitter })).toEqual({ retry: false });
    expect(decideRetry({ error: http(400), retriesSoFar: 0, policy, jitter })).toEqual({ retry: false });
    expect(decideRetry({ error: new NetworkError('x'), retriesSoFar: 0, policy: NO_RETRY_POLICY, jitter })).toEqual({ retry: false });
  });

  it('honours Retry-After on 429 and 503 only, capped at rateLimitMaxDelayMs', () => {
    expect(decideRetry({ error: http(429), retriesSoFar: 0, policy, jitter: half, retryAfterMs: 2000 })).toEqual({ retry: true, delayMs: 2000 });
    expect(decideRetry({ error: http(503), retriesSoFar: 0, policy, jitter: half, retryAfterMs: 120_000 })).toEqual({ retry: true, delayMs: 30_000 });
    expect(decideRetry({ error: http(502), retriesSoFar: 0, policy, jitter: half, retryAfterMs: 2000 })).toEqual({ retry: true, delayMs: 100 });
    expect(decideRetry({ error: http(400), retriesSoFar: 0, policy, jitter: half, retryAfterMs: 2000 })).toEqual({ retry: false });
    expect(decideRetry({ error: http(429), retriesSoFar: 3, policy, jitter: half, retryAfterMs: 2000 })).toEqual({ retry: false });
  });
});
