import { CallbackSignatureError } from '@tokenwire/core';
import { callbackAck, verifyLiveCallback, type LiveCallbackEvent } from '@tokenwire/live-config';

/** A callback exactly as it reached the receiver, for replaying it later. */
export interface ReceivedCallback {
  readonly url: string;
  readonly body: string;
}

/** What the receiver decided about one callback. */
export type ReceiverVerdict =
  | { readonly accepted: true; readonly event: LiveCallbackEvent; readonly callback: ReceivedCallback }
  | { readonly accepted: false; readonly reason: string; readonly callback: ReceivedCallback };

/**
 * The demo's callback receiver: a fetch handler that verifies every callback with `verifyLiveCallback` against
 * the tokens it currently trusts (changed during the rotation), answers `callbackAck()` when it is genuine and
 * 401 with the reason otherwise, and records every verdict.
 */
export class CallbackReceiver {
  /** The tokens the receiver accepts: `[current]`, or `[current, next]` during a rotation. */
  tokens: string[] = [];
  readonly verdicts: ReceiverVerdict[] = [];
  readonly #sdkAppId: number;

  constructor(sdkAppId: number) {
    this.#sdkAppId = sdkAppId;
  }

  /** Answers one callback request. */
  readonly fetch = async (request: Request): Promise<Response> => {
    const callback: ReceivedCallback = { url: request.url, body: await request.text() };
    try {
      const event = await verifyLiveCallback(callback, { sdkAppId: this.#sdkAppId, tokens: this.tokens });
      this.verdicts.push({ accepted: true, event, callback });
      return callbackAck();
    } catch (error) {
      const reason = CallbackSignatureError.isInstance(error) ? error.reason : 'receiver_error';
      this.verdicts.push({ accepted: false, reason, callback });
      return new Response(reason, { status: 401, headers: { 'content-type': 'text/plain' } });
    }
  };

  /** The latest verdict, if any. */
  last(): ReceiverVerdict | undefined {
    return this.verdicts.at(-1);
  }
}
