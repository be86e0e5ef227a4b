import type { CallbackSignatureError } from '@tokenwire/core';

/** The HTTP answer to a refused callback, as the adapters write it. */
export interface CallbackRefusalParts {
  readonly status: 400 | 401 | 413;
  readonly headers: Readonly<Record<'content-type', string>>;
  readonly body: string;
}

const TEXT = { 'content-type': 'text/plain; charset=utf-8' } as const;

/**
 * How the adapters answer a refused callback: 400 with the message for `malformed_body` (the signature verified,
 * so the sender is Tencent and may be told why), 401 with the reason alone for everything else (unauthenticated:
 * nothing to tell). Verification messages never hold a token or a signature.
 *
 * @internal
 */
export function callbackRefusalParts(error: CallbackSignatureError): CallbackRefusalParts {
  return error.reason === 'malformed_body'
    ? { status: 400, headers: TEXT, body: `malformed callback: ${error.message}` }
    : { status: 401, headers: TEXT, body: `unauthenticated callback: ${error.reason}` };
}

/** The 413 answer to a body over the adapter's limit. @internal */
export function callbackTooLargeParts(maxBodyBytes: number): CallbackRefusalParts {
  return { status: 413, headers: TEXT, body: `callback body over ${maxBodyBytes} bytes` };
}

/**
 * The adapters' default `onRefusal`: one warning with the reason and the message, so a misconfiguration (a body
 * parser in front, the wrong SDKAppID, a token not deployed) is never a silent 401.
 *
 * @internal
 */
export function warnRefusal(error: CallbackSignatureError): void {
  console.warn(`Refused a Tencent callback (${error.reason}): ${error.message}`);
}
