/** What every secret is replaced with wherever tokenwire shows a value to a person or a log. */
export const REDACTED = '***';

/** Names of query parameters and body fields whose values are secrets or secret-derived (case-insensitive). */
const SECRET_FIELD_NAMES = /* @__PURE__ */ (() =>
  new Set(['usersig', 'sign', 'token', 'app_secret', 'secretkey', 'secret_key', 'access_token']))();

/** HTTP headers whose values are secrets (lower-case). */
export const SECRET_HEADER_NAMES: ReadonlySet<string> = /* @__PURE__ */ (() =>
  new Set(['authorization', 'ccmessaging-token', 'cookie', 'set-cookie']))();

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
      return SECRET_FIELD_NAMES.has(decodedKey.toLowerCase()) && equals !== -1 ? `${key}=${REDACTED}` : pair;
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

const utf8 = /* @__PURE__ */ (() => new TextEncoder())();

/** The hex digits of the UTF-8 bytes of `text`, lower case. */
function utf8Hex(text: string): string {
  let hex = '';
  for (const byte of utf8.encode(text)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/**
 * The spellings in which a server or a log may echo `secret`: as is, URL-encoded (`encodeURIComponent`, with
 * upper- and lower-case escapes) and as the hex of its UTF-8 bytes (lower and upper case).
 */
function echoedForms(secret: string): Set<string> {
  const forms = new Set([secret]);
  try {
    const encoded = encodeURIComponent(secret);
    forms.add(encoded);
    forms.add(encoded.replace(/%[0-9A-F]{2}/g, (percentEscape) => percentEscape.toLowerCase()));
  } catch {
    // A lone surrogate has no URL encoding, so no such copy can exist either.
  }
  const hex = utf8Hex(secret);
  forms.add(hex);
  forms.add(hex.toUpperCase());
  return forms;
}

/**
 * Replaces every occurrence of each known secret in `text` with `***`, and every occurrence of its URL-encoded
 * (`encodeURIComponent`, either case of escapes) and hex (UTF-8 bytes, lower or upper case) copies. Use it on free
 * text (an upstream `ErrorInfo`, a log line) that might echo a secret back. Secrets shorter than 4 characters are
 * ignored, so a one-letter "secret" does not shred the message. Other encodings (base64, JSON or HTML escapes, a
 * secret split or reversed) are not recognised.
 *
 * @example
 * ```ts
 * redactSecrets('bad token s3cr%2Ft and 73336372', ['s3cr/t', 's3cr']); // 'bad token *** and ***'
 * ```
 */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  // Mark every character covered by any occurrence of any form of any secret, then collapse each covered run
  // into one `***`. Replacing secrets one after another would leak: once a secret is replaced, a longer or
  // overlapping one no longer matches and its remainder stays in clear.
  let covered: Uint8Array | undefined;
  for (const secret of secrets) {
    if (typeof secret !== 'string' || secret.length < 4) continue;
    for (const form of echoedForms(secret)) {
      for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + 1)) {
        covered ??= new Uint8Array(text.length);
        covered.fill(1, at, at + form.length);
      }
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

/**
 * The string values of the top-level fields of a JSON request body whose names say they are secrets (`Token`,
 * `UserSig`, `app_secret`, …, the names {@link redactUrl} hides, in any case): what a server that echoes its
 * input may send back.
 *
 * @example
 * ```ts
 * secretFieldValues({ Token: 't0ken', IsTokenEnable: true }); // ['t0ken']
 * ```
 */
export function secretFieldValues(body: object): string[] {
  const values: string[] = [];
  for (const [name, value] of Object.entries(body)) {
    if (typeof value === 'string' && SECRET_FIELD_NAMES.has(name.toLowerCase())) values.push(value);
  }
  return values;
}
