/**
 * The form in which identifiers are compared with the administrator list: Unicode NFKC (full-width letters,
 * ligatures and compatibility spaces become their plain forms), lower-cased and NFKC again (a case-insensitive
 * match: Tencent's own `administrator` is matched whatever its case), then trimmed. So `Administrator`,
 * `ａｄｍｉｎｉｓｔｒａｔｏｒ` and `administrator ` all compare equal to `administrator`.
 *
 * @example
 * ```ts
 * comparableIdentifier(' ＯＰＳ-Admin\u3000'); // 'ops-admin'
 * ```
 */
export function comparableIdentifier(identifier: string): string {
  return identifier.normalize('NFKC').toLowerCase().normalize('NFKC').trim();
}
