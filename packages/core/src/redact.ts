/** What every secret is replaced with wherever tokenwire shows a value to a person or a log. */
export const REDACTED = '***';

/** Query parameters whose values are secrets or secret-derived (case-insensitive). */
const SECRET_QUERY_KEYS = new Set(['usersig', 'sign', 'token', 'app_secret', 'secretkey', 'secret_key', 'access_token']);

/** HTTP headers whose values are secrets (lower-case). */
export const SECRET_HEADER_NAMES: ReadonlySet<string> = new Set(['authorization', 'ccmessaging-token', 'cookie', 'set-cookie']);

/**
 * Returns the URL with the values of secret query parameters (`usersig`, `Sign`, …) replaced by `***`.
 * Accepts absolute or relative URLs; anything unparsable is returned fully redacted.
 *
 * @example
 * ```ts
 * redactUrl('https://console.tim.qq.com/v4/live_config/get_callback?sdkappid=1&usersig=eJy…');
 * // 'https://console.tim.qq.com/v4/live_config/get_callback?sdkappid=1&usersig=***'
 * ```
 */
export function redactUrl(url: string | URL): string {
  const text = String(url);
  const queryStart = text.indexOf('?');
  if (queryStart === -1) return text;
  const hashStart = text.indexOf('#', queryStart);
  const query = text.slice(queryStart + 1, hashStart === -1 ? undefined : hashStart);
  const redacted = query
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const key = equals === -1 ? pair : pair.slice(0, equals);
      let decodedKey = key;
      try {
        decodedKey = decodeURIComponent(key);
      } catch {
        return `${key}=${REDACTED}`;
      }
      return SECRET_QUERY_KEYS.has(decodedKey.toLowerCase()) && equals !== -1 ? `${key}=${REDACTED}` : pair;
    })
    .join('&');
  return `${text.slice(0, queryStart + 1)}${redacted}${hashStart === -1 ? '' : text.slice(hashStart)}`;
}

/**
 * Returns a copy of the headers as a plain object with secret header values (`Authorization`,
 * `ccmessaging-token`, cookies) replaced by `***`.
 */
export function redactHeaders(headers: Headers | Record<string, string>): Record<string, string> {
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers);
  const result: Record<string, string> = {};
  for (const [name, value] of entries) result[name] = SECRET_HEADER_NAMES.has(name.toLowerCase()) ? REDACTED : value;
  return result;
}

/**
 * Replaces every occurrence of each known secret in `text` with `***`. Use it on free text (an upstream
 * `ErrorInfo`, a log line) that might echo a secret back. Secrets shorter than 4 characters are ignored, so a
 * one-letter "secret" does not shred the message.
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  // Mark every character covered by any occurrence of any secret, then collapse each covered run into one
  // `***`. Replacing secrets one after another would leak: once a secret is replaced, a longer or overlapping
  // one no longer matches and its remainder stays in clear.
  let covered: Uint8Array | undefined;
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret.length < 4) continue;
    for (let at = text.indexOf(secret); at !== -1; at = text.indexOf(secret, at + 1)) {
      covered ??= new Uint8Array(text.length);
      covered.fill(1, at, at + secret.length);
    }
  }
  if (covered === undefined) return text;
  let result = '';
  for (let index = 0; index < text.length; index++) {
    if (!covered[index]) result += text[index];
    else if (index === 0 || !covered[index - 1]) result += REDACTED;
  }
  return result;
}
