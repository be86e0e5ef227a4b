import type { DownlinkMessage } from '../messages/downlink-message.js';

/**
 * Drops what an earlier session of the same user left queued at AICC (its last messages, its final
 * `SYSTEM`/`DISCONNECT` with `isOfflineStatus`), which AICC hands to the next poll of that user, ahead of the new
 * session's own messages. After this session sent CONNECT, the messages of each poll are earlier-session messages
 * until the first one that is this session's; from then on nothing is dropped (AICC queues a user's messages in the
 * order it produced them). A message is an earlier session's when
 *
 * - it carries a `callId` and a later message of the same poll carries another one (the newest session's comes
 *   last), or
 * - its `timestamp` (else `receiveTime`) is older than the moment this session sent CONNECT, on the client's clock
 *   (for messages without `callId`: AICC's own examples send `null`).
 *
 * A session that never sent CONNECT (it may be resuming a chat) is not filtered.
 *
 * @internal
 */
export interface EarlierSessionFilter {
  /** This session sends CONNECT now (client clock, ms). */
  connecting(at: number): void;
  /** The messages of one poll that belong to this session. */
  keep(messages: readonly DownlinkMessage[]): readonly DownlinkMessage[];
}

/** Creates the {@link EarlierSessionFilter} of one session. @internal */
export function createEarlierSessionFilter(): EarlierSessionFilter {
  let connectedAt: number | undefined;
  return {
    connecting(at) {
      connectedAt = at;
    },
    keep(messages) {
      if (connectedAt === undefined) return messages;
      const since = connectedAt;
      let newest: string | null | undefined;
      for (const message of messages) newest = message.callId || newest;
      const first = messages.findIndex(
        (message) =>
          !((message.callId && message.callId !== newest) || Number(message.timestamp ?? message.receiveTime ?? Number.NaN) < since),
      );
      if (first < 0) return [];
      connectedAt = undefined;
      return messages.slice(first);
    },
  };
}
