import type { LiveCallbackEvent } from '@tokenwire/live-config';

/**
 * What a sink receives for an accepted callback: the `EVENTS` queue gets it as a JSON message, `FORWARD_URL` as
 * the JSON body of a POST. The body is passed as received (`rawBody`), so ids beyond 2^53 survive: parse it with
 * `parseJsonExact` from `@tokenwire/live-config`.
 */
export interface CallbackEventMessage {
  /**
   * Hex SHA-256 of the canonical JSON of `rawBody` (parsed exactly, keys sorted, no whitespace). The same event
   * delivered twice (a Tencent retry, a replay on another isolate, even re-formatted) has the same id:
   * deduplicate by it. It does not prove the body is Tencent's: `Sign` does not cover the body.
   */
  readonly id: string;
  /** `CallbackCommand`, e.g. `Live.CallbackAfterCreateRoom`. */
  readonly command: string;
  readonly sdkAppId: number;
  /** `RequestTime` of the verified signature, Unix seconds. */
  readonly requestTime: number | undefined;
  readonly clientIp: string | undefined;
  readonly optPlatform: string | undefined;
  /** When the worker accepted the callback, ms since the epoch. */
  readonly receivedAt: number;
  /** The callback body exactly as Tencent sent it. */
  readonly rawBody: string;
  /**
   * Present when the command is one tokenwire knows but the body does not match its documented schema (Tencent
   * changed it): what did not match (paths and expected types, never values). Absent otherwise.
   */
  readonly shapeIssues?: string;
  /**
   * Present when the URL's `CallbackCommand` and the body's differ (Tencent's pages do: 647/64424's table says
   * `Live.CallbackMemberStateChanged`): both spellings; `command` is the one the event was typed as. Absent otherwise.
   */
  readonly commandMismatch?: { readonly query: string; readonly body: string };
}

/** Hex SHA-256 of a string's UTF-8 bytes (WebCrypto). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** Builds the sink message of a verified callback (`shapeIssues` from a body that did not match its schema). */
export function callbackEventMessage(event: LiveCallbackEvent, id: string, receivedAt: number, shapeIssues?: string): CallbackEventMessage {
  return {
    id,
    command: event.command,
    sdkAppId: event.sdkAppId,
    requestTime: event.requestTime,
    clientIp: event.clientIp,
    optPlatform: event.optPlatform,
    receivedAt,
    rawBody: event.rawBody,
    ...(shapeIssues === undefined ? {} : { shapeIssues }),
    ...(event.commandMismatch === undefined
      ? {}
      : { commandMismatch: { query: event.commandMismatch.query, body: event.commandMismatch.body } }),
  };
}
