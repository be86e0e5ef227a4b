import type { AiccContext } from './aicc-context.js';
import type { HandlerResult } from './aicc-responses.js';
import type { MessageTokenRecord } from './aicc-state.js';

/** The `resultDesc` of a successful poll, verbatim. */
export const POLL_SUCCESS_DESCRIPTION = 'query user messages success.';

/**
 * `GET /apiaccess/ccmessaging/poll?receiverId=&channel=WEB[&isNeedRead=true]` — AICC's long poll. Answers at once
 * with every queued downlink message of the user; otherwise holds the request up to `pollHoldMs`, answering as soon
 * as a message arrives, and then answers with an empty `downlinkMessages`. READ receipts are only delivered to
 * polls with `isNeedRead=true` (others drop them). The returned promise rejects with the abort reason when
 * `signal` aborts, like `fetch`. Messages are queued per user id (a user has one session at a time, whatever the
 * channel of the token that polls). Bad parameters (missing `receiverId` or not the token's user, `channel` not
 * `WEB`, `isNeedRead` not `true`/`false`) → `{ resultCode: '1' }`, without `resultDesc` as AICC documents.
 */
export async function pollMessages(
  context: AiccContext,
  token: MessageTokenRecord,
  url: URL,
  signal?: AbortSignal,
): Promise<HandlerResult> {
  const receiverId = url.searchParams.get('receiverId');
  const channel = url.searchParams.get('channel');
  const isNeedRead = url.searchParams.get('isNeedRead');
  if (receiverId !== token.userId || channel !== 'WEB' || (isNeedRead !== null && isNeedRead !== 'true' && isNeedRead !== 'false')) {
    return { body: { resultCode: '1' } };
  }
  const downlinkMessages = await context.hub.waitForMessages(token.userId, {
    holdMs: context.options.pollHoldMs,
    includeReadReceipts: isNeedRead === 'true',
    signal,
  });
  return { body: { resultCode: '0', resultDesc: POLL_SUCCESS_DESCRIPTION, downlinkMessages } };
}
