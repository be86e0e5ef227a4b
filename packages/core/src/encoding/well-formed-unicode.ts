/**
 * True when `text` has no lone (unpaired) UTF-16 surrogate, i.e. has an exact UTF-8 encoding: a string with one
 * signs as U+FFFD, so two different strings would share one signature. `encodeURIComponent` throws a `URIError`
 * for exactly those strings.
 *
 * @example
 * ```ts
 * isWellFormedUnicode('a😀b'); // true
 * isWellFormedUnicode('a\uD83Db'); // false
 * ```
 */
export function isWellFormedUnicode(text: string): boolean {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}
