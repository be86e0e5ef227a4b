import { CallbackSignatureError } from '@tokenwire/core';

/** The query parameters Tencent appends to a callback URL, found case-insensitively. */
export interface CallbackQuery {
  readonly sdkAppId: string | undefined;
  readonly command: string | undefined;
  readonly sign: string | undefined;
  readonly requestTime: string | undefined;
  readonly clientIp: string | undefined;
  readonly optPlatform: string | undefined;
  readonly contentType: string | undefined;
}

/**
 * Lower-cased parameter name → field. `WebhookCommand` is how one documentation revision spells
 * `CallbackCommand`; it is accepted as the same parameter.
 */
const FIELDS: ReadonlyMap<string, keyof CallbackQuery> = /* @__PURE__ */ new Map([
  ['sdkappid', 'sdkAppId'],
  ['callbackcommand', 'command'],
  ['webhookcommand', 'command'],
  ['sign', 'sign'],
  ['requesttime', 'requestTime'],
  ['clientip', 'clientIp'],
  ['optplatform', 'optPlatform'],
  ['contenttype', 'contentType'],
]);

/**
 * Reads Tencent's callback parameters from a URL's query. Names match case-insensitively (`SdkAppid` and
 * `SdkAppId` both appear in Tencent's pages); parameters of your own on the URL are ignored. A Tencent
 * parameter given twice (in any spelling) is refused: which copy a signature covers would be ambiguous.
 *
 * @param url - absolute, or relative like Express's `req.originalUrl`.
 * @throws `CallbackSignatureError` `malformed_request` for an unparsable URL or a repeated parameter.
 * @internal
 */
export function readCallbackQuery(url: string): CallbackQuery {
  let parameters: URLSearchParams;
  try {
    parameters = new URL(url, 'http://callback.invalid').searchParams;
  } catch (error) {
    throw new CallbackSignatureError('malformed_request', 'The callback URL cannot be parsed', { cause: error });
  }
  const found: Partial<Record<keyof CallbackQuery, string>> = {};
  for (const [name, value] of parameters) {
    const field = FIELDS.get(name.toLowerCase());
    if (field === undefined) continue;
    if (found[field] !== undefined) {
      throw new CallbackSignatureError(
        'malformed_request',
        `The callback URL repeats the ${name} query parameter (names are matched case-insensitively); a genuine Tencent callback sends it once`,
      );
    }
    found[field] = value;
  }
  return {
    sdkAppId: found.sdkAppId,
    command: found.command,
    sign: found.sign,
    requestTime: found.requestTime,
    clientIp: found.clientIp,
    optPlatform: found.optPlatform,
    contentType: found.contentType,
  };
}
