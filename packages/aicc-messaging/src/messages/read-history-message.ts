import type * as v from 'valibot';
import { HistoryMessageSchema, type HistoryMessage } from './history-message.js';
import { lenientMessageEntry, readMessageLeniently } from './read-message-leniently.js';

/**
 * Reads one chat history entry, never failing — what `history()` does with each entry. An entry that fits the
 * documented shape of a {@link HistoryMessage} comes out parsed; one that does not comes out with the fields that do
 * not fit left out and `unreadable` set to the entry as sent and the reasons (values never quoted). Something that is
 * not an object at all comes out as an empty message (`content` `''`, `isOfflineStatus` `false`) with `unreadable`.
 *
 * @example
 * ```ts
 * const message = readHistoryMessage(json);
 * if (message.unreadable !== undefined) report(message.unreadable.issues);
 * ```
 */
export function readHistoryMessage(raw: unknown): HistoryMessage {
  return readMessageLeniently(HistoryMessageSchema, raw);
}

/**
 * The schema of one entry of `queryHistoryChatMessage`'s `messageList`: accepts anything and reads it with
 * {@link readHistoryMessage}, so one odd message never fails the history page it came in.
 *
 * @internal
 */
export const HistoryMessageEntrySchema: v.GenericSchema<unknown, HistoryMessage> = /* @__PURE__ */ (() =>
  lenientMessageEntry(HistoryMessageSchema))();
