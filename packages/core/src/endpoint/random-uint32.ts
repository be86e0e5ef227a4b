/** A source of uniformly random unsigned 32-bit integers; injectable so tests are deterministic. */
export type RandomUint32Source = () => number;

/** Values drawn from `crypto.getRandomValues` at a time; each is handed out once. */
const POOL_SIZE = 64;
const pool = new Uint32Array(POOL_SIZE);
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
