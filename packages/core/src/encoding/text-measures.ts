/**
 * Length of a string in Unicode code points (what people call characters): a surrogate pair counts once.
 *
 * @example
 * ```ts
 * characterCount('héllo 👋'); // 7
 * ```
 */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * Size of a string encoded as UTF-8, in bytes (AICC's "TEXT ≤ 1 KB" is measured this way).
 *
 * @example
 * ```ts
 * utf8ByteLength('héllo'); // 6
 * ```
 */
export function utf8ByteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}
