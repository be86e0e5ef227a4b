/** A source of uniformly random unsigned 32-bit integers; injectable so tests are deterministic. */
export type RandomUint32Source = () => number;

/**
 * A fresh uniformly random integer in `0 … 4294967295` from `crypto.getRandomValues`, as Tencent's `random`
 * query parameter requires.
 */
export const randomUint32: RandomUint32Source = () => crypto.getRandomValues(new Uint32Array(1))[0]!;
