import { CallbackSignatureError } from '@tokenwire/core';

/** The Tencent parameters of a callback URL (names matched case-insensitively). */
export interface CallbackParameters {
  readonly sdkAppId: string | undefined;
  readonly command: string | undefined;
  readonly sign: string | undefined;
  readonly requestTime: string | undefined;
}

const FIELDS: ReadonlyMap<string, keyof CallbackParameters> = new Map([
  ['sdkappid', 'sdkAppId'],
  ['callbackcommand', 'command'],
  ['webhookcommand', 'command'],
  ['sign', 'sign'],
  ['requesttime', 'requestTime'],
]);

/**
 * Reads `SdkAppid`, `CallbackCommand`, `Sign` and `RequestTime` from a callback URL, as a receiver does
 * (`@tokenwire/live-config` keeps its reader internal). A parameter given twice is refused.
 *
 * @throws `CallbackSignatureError` `malformed_request` for a repeated parameter.
 */
export function readCallbackParameters(url: URL): CallbackParameters {
  const found: Partial<Record<keyof CallbackParameters, string>> = {};
  for (const [name, value] of url.searchParams) {
    const field = FIELDS.get(name.toLowerCase());
    if (field === undefined) continue;
    if (found[field] !== undefined)
      throw new CallbackSignatureError('malformed_request', `the callback URL repeats the ${name} query parameter`);
    found[field] = value;
  }
  return { sdkAppId: found.sdkAppId, command: found.command, sign: found.sign, requestTime: found.requestTime };
}
