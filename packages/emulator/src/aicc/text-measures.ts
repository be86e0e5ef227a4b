/** Length of a string in Unicode code points (what users call characters). */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/** Size of a string encoded as UTF-8, in bytes (AICC's "TEXT ≤ 1 KB" is measured this way). */
export function utf8ByteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** A valibot-friendly check that a string is between `minimum` and `maximum` characters (code points) long. */
export function hasCharacterCountBetween(minimum: number, maximum: number): (text: string) => boolean {
  return (text) => {
    const count = characterCount(text);
    return count >= minimum && count <= maximum;
  };
}
