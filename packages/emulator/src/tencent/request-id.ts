import type { RandomUint32Source } from '@tokenwire/core';
import { randomUint32 } from '@tokenwire/core/internal';
import { randomHex } from '../random-bytes.js';

/** Produces Tencent-style request ids; one generator per emulated service so sequence numbers grow per service. */
export type RequestIdGenerator = () => string;

/**
 * Creates a generator of `RequestId` values in the real service's format, `Id-<32 lowercase hex>-O-Seq-<n>`
 * (e.g. `Id-8c9858f01e954611ae2d4c1b1ed7d583-O-Seq-52720`). The hex part is 16 random bytes from
 * `random` (by default `crypto.getRandomValues`); `n` starts at `firstSequence` and grows by one per id.
 *
 * @example
 * ```ts
 * const nextRequestId = createRequestIdGenerator();
 * nextRequestId(); // 'Id-3f0c…e1-O-Seq-1'
 * ```
 */
export function createRequestIdGenerator(firstSequence = 1, random: RandomUint32Source = randomUint32): RequestIdGenerator {
  let sequence = firstSequence;
  return () => `Id-${randomHex(random, 16)}-O-Seq-${sequence++}`;
}

/** Matches a `RequestId` in the real service's format. */
export const REQUEST_ID_PATTERN = /^Id-[0-9a-f]{32}-O-Seq-\d+$/;
