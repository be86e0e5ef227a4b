import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_OPTIONS, NO_RETRY_POLICY, resolveRetryPolicy } from '../client/retry-policy.js';
import { createRetryLedger } from './retry-ledger.js';

const never = (): boolean => false;

describe('createRetryLedger', () => {
  it('grants retries up to the limit, immediate ones on top of it', () => {
    const ledger = createRetryLedger(resolveRetryPolicy({ limit: 2 }), 1);
    expect([
      ledger.take('transient'),
      ledger.takeImmediate(),
      ledger.take('rate_limit'),
      ledger.take('transient'),
      ledger.takeImmediate(),
    ]).toEqual([true, true, true, false, false]);
    const none = createRetryLedger(NO_RETRY_POLICY, 0);
    expect([none.take('transient'), none.takeImmediate()]).toEqual([false, false]);
  });

  it("gives ky the backoff ceiling of the retry taken last, by class, and full jitter from the caller's fraction", () => {
    const policy = resolveRetryPolicy({
      limit: 6,
      baseDelayMs: 200,
      maxDelayMs: 700,
      rateLimitBaseDelayMs: 1000,
      rateLimitMaxDelayMs: 3000,
    });
    const ledger = createRetryLedger(policy, 0);
    let fraction = 0.5;
    const options = ledger.kyRetryOptions(never, () => fraction);
    const ceilings: number[] = [];
    for (const retryClass of ['transient', 'transient', 'rate_limit', 'transient', 'rate_limit'] as const) {
      ledger.take(retryClass);
      ceilings.push(options.delay!(99));
    }
    // The index counts every retry taken, whatever its class: 200·2^0, 200·2^1, 1000·2^2, 200·2^3 → 700, 1000·2^4 → 3000.
    expect(ceilings).toEqual([200, 400, 3000, 700, 3000]);
    const jitter = options.jitter as (delay: number) => number;
    expect(jitter(400)).toBe(200);
    fraction = 0.999_999;
    expect(jitter(400)).toBe(399);
    fraction = 0;
    expect(jitter(400)).toBe(0);
  });

  it('lets ky retry every method, 429 and each 5xx, and honour Retry-After on 429 and 503 up to rateLimitMaxDelayMs', () => {
    const options = createRetryLedger(DEFAULT_RETRY_OPTIONS, 1).kyRetryOptions(never, () => 0);
    expect(options).toMatchObject({
      limit: 4,
      retryOnTimeout: true,
      maxRetryAfter: 30_000,
      backoffLimit: Number.POSITIVE_INFINITY,
      shouldRetry: never,
    });
    expect(options.methods).toEqual(expect.arrayContaining(['get', 'post']));
    expect(options.statusCodes).toEqual(expect.arrayContaining([429, 500, 502, 503, 504, 599]));
    expect(options.statusCodes).not.toEqual(expect.arrayContaining([408]));
    expect(options.afterStatusCodes).toEqual([429, 503]);
  });
});
