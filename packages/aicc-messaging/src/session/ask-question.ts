import { TokenwireError } from '@tokenwire/core';
import type { DownlinkMessage } from '../messages/downlink-message.js';
import type { MessageFeed } from './message-feed.js';
import { parseSendOptions, sendChat, type SendOptions } from './send-message.js';
import type { SessionContext } from './session-caller.js';

/**
 * Whether a message is the answer to a question sent at `sentAt` (client clock): a `CHAT` message from the `ROBOT`
 * or an `AGENT` that AICC produced after the question was sent. Greetings (AICC's robot greets on CONNECT, in
 * ordinary ROBOT `CHAT` messages) and anything else older are skipped by their `timestamp` (else `receiveTime`);
 * SYSTEM notices, CONNECT, READ and other control messages are never answers.
 */
const answers = (message: DownlinkMessage, sentAt: number): boolean =>
  (message.sourceType === 'ROBOT' || message.sourceType === 'AGENT') &&
  message.controlType === 'CHAT' &&
  !(Number(message.timestamp ?? message.receiveTime ?? Number.NaN) < sentAt);

/**
 * Sends a text, then reads the session's messages (through its feed, so a `messages()` loop running at the same time
 * sees them too) until the answer to it.
 *
 * @internal
 */
export async function askQuestion(
  context: SessionContext,
  feed: MessageFeed,
  text: string,
  options: SendOptions | undefined,
): Promise<DownlinkMessage> {
  const parsed = parseSendOptions(options, 'ask options');
  const reader = feed.reader();
  try {
    const sentAt = context.client.now();
    await sendChat(context, text, parsed);
    for (;;) {
      for (const message of await reader.next({ signal: parsed.signal })) {
        if (answers(message, sentAt)) return message;
        if (message.isOfflineStatus) throw new TokenwireError('The chat ended before the question was answered');
      }
    }
  } finally {
    reader.close();
  }
}
