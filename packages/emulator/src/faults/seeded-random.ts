/** A source of uniformly distributed numbers in [0, 1), like `Math.random`. */
export type RandomSource = () => number;

/**
 * A small, fast, reproducible pseudo-random generator (mulberry32). The same seed always yields the same
 * sequence, on every runtime. Not for cryptography.
 *
 * @example
 * ```ts
 * const random = createSeededRandom(42);
 * random(); // always the same first number for seed 42
 * ```
 */
export function createSeededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}
