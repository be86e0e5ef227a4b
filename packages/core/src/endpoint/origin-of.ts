/**
 * `entry` as a web origin (`https://app.example.com`, lower-cased), or `undefined` when it is not exactly one: no
 * path, query or credentials, and an `http:` or `https:` scheme (a trailing `/` is allowed). For allow-lists of
 * browser origins (CORS).
 *
 * @internal
 */
export function originOf(entry: string): string | undefined {
  try {
    const url = new URL(entry);
    const exact = url.origin === entry.replace(/\/$/, '').toLowerCase();
    return (url.protocol === 'https:' || url.protocol === 'http:') && exact ? url.origin : undefined;
  } catch {
    return undefined;
  }
}
