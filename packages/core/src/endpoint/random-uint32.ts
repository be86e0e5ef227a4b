import { ValidationError } from '../errors/validation-error.js';

/** A source of uniformly random unsigned 32-bit integers; injectable so tests are deterministic. */
export type RandomUint32Source = () => number;

/** Values drawn from `crypto.getRandomValues` at a time; each is handed out once. */
const POOL_SIZE = 64;
const pool = /* @__PURE__ */ (() => new Uint32Array(POOL_SIZE))();
let next = POOL_SIZE;

/**
 * A fresh uniformly random integer in `0 … 4294967295` from `crypto.getRandomValues`, as Tencent's `random`
 * query parameter requires. Values are drawn 64 at a time and each is used once, so most calls cost no
 * `getRandomValues` call.
 */
export const randomUint32: RandomUint32Source = () => {
  if (next === POOL_SIZE) {
    crypto.getRandomValues(pool);
    next = 0;
  }
  return pool[next++]!;
};

/** Largest uint32, the top of Tencent's `random` range. */
const MAX_UINT32 = 0xffff_ffff;

/** True for an integer in `0 … 4294967295`, the range of Tencent's `random` query parameter. */
export function isUint32(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_UINT32;
}

/**
 * Calls an injected random source and checks what it returned, so a faulty source (`Math.random`, a counter that
 * went negative, `NaN`) fails loudly instead of being silently wrapped into range.
 *
 * @throws {@link ValidationError} (path `random`) unless the source returned an integer in `0 … 4294967295`.
 * @example
 * ```ts
 * drawRandomUint32(() => 42); // 42
 * drawRandomUint32(Math.random); // throws ValidationError
 * ```
 */
export function drawRandomUint32(source: RandomUint32Source): number {
  const value = source();
  if (isUint32(value)) return value;
  throw new ValidationError('random source', [{ path: 'random', message: `must return an integer from 0 to ${MAX_UINT32} on every call` }]);
}
