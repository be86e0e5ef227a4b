/** Length of a string in Unicode code points (what people call characters). */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** Size of a string encoded as UTF-8, in bytes (AICC's "TEXT ≤ 1 KB" is measured this way). */
export function utf8ByteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}
