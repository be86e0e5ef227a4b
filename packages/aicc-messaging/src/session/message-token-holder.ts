import type { Clock } from '@tokenwire/core';
import { untilAborted } from '@tokenwire/core/internal';
import type { MessageTokenSource } from '../client/message-token-source.js';
import { MESSAGE_TOKEN_LIFETIME_MS, type MessageToken } from '../token/apply-token.js';
import { unwrapToken } from '../token/unwrap-token.js';

/** How long before its expiry a session re-applies its `ccmessaging-token` on its own: 60 s. */
export const MESSAGE_TOKEN_REFRESH_MARGIN_MS = 60_000;

/** Why a session's token changed. */
export type MessageTokenChange = 'applied' | 'rotated';

/** The one `ccmessaging-token` of a session: the source its calls take their token from. */
export interface MessageTokenHolder extends MessageTokenSource {
  /**
   * The token to send: the held one until {@link MESSAGE_TOKEN_REFRESH_MARGIN_MS} before its expiry, else a newly
   * applied one. Concurrent callers share one `applyToken`; a caller's signal ends only its own wait (which then
   * rejects with the signal's reason).
   */
  current(signal?: AbortSignal): Promise<string>;
  /**
   * After AICC rejected `rejected` (HTTP 401): the token to replay with. When `rejected` is still the held token,
   * one `applyToken` is made, shared by every caller rejected meanwhile; when it was already replaced, the
   * replacement is returned without a request.
   */
  renew(rejected: string, signal?: AbortSignal): Promise<string>;
  /**
   * Adopts a token AICC handed out in the `ccmessaging-token` response header of a call sent with `sentWith`.
   * Ignored when the held token has changed since (a later token wins) or the header is absent or the same.
   * Returns whether the token was adopted.
   */
  adopt(sentWith: string, header: string | null): boolean;
  /** When the held token expires (client clock), or `undefined` before the first `applyToken`. */
  readonly expiresAtMs: number | undefined;
}

/**
 * Creates a holder around `apply` (one `applyToken`). `onChange` is told (without the token) whenever the token
 * changes.
 *
 * @internal
 */
export function createMessageTokenHolder(
  apply: () => Promise<MessageToken>,
  now: Clock,
  onChange?: (change: MessageTokenChange) => void,
): MessageTokenHolder {
  let held: { readonly token: string; readonly expiresAtMs: number } | undefined;
  let applying: Promise<string> | undefined;

  const changed = (change: MessageTokenChange): void => {
    try {
      onChange?.(change);
    } catch {
      // An observer's failure is not the session's failure.
    }
  };

  function reapply(signal: AbortSignal | undefined): Promise<string> {
    applying ??= apply().then(
      (next) => {
        held = { token: next.token, expiresAtMs: next.expiresAtMs };
        applying = undefined;
        changed('applied');
        return next.token;
      },
      (error: unknown) => {
        applying = undefined;
        throw error;
      },
    );
    return untilAborted(applying, signal);
  }

  return {
    async current(signal) {
      if (held !== undefined && now() < held.expiresAtMs - MESSAGE_TOKEN_REFRESH_MARGIN_MS) return held.token;
      return reapply(signal);
    },
    async renew(rejected, signal) {
      if (held !== undefined && held.token !== rejected && now() < held.expiresAtMs - MESSAGE_TOKEN_REFRESH_MARGIN_MS) return held.token;
      return reapply(signal);
    },
    adopt(sentWith, header) {
      if (header === null || held === undefined || held.token !== sentWith) return false;
      const token = unwrapToken(header);
      if (token === '' || token === sentWith) return false;
      held = { token, expiresAtMs: now() + MESSAGE_TOKEN_LIFETIME_MS };
      changed('rotated');
      return true;
    },
    get expiresAtMs() {
      return held?.expiresAtMs;
    },
  };
}
