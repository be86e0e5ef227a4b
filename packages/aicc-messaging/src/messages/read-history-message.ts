import type * as v from 'valibot';
import { HistoryMessageSchema, type HistoryMessage } from './history-message.js';
import { lenientMessageEntry, readMessageLeniently } from './read-message-leniently.js';

/**
 * Reads one chat history entry, never failing: an entry that fits {@link HistoryMessageSchema} comes out parsed; one
 * that does not comes out with the fields that do not fit left out and `unreadable` set to the entry as sent and the
 * reasons (values never quoted). Something that is not an object at all comes out as an empty message (`content`
 * `''`, `isOfflineStatus` `false`) with `unreadable`.
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
 */
export const HistoryMessageEntrySchema: v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, HistoryMessage>]> =
  /* @__PURE__ */ (() => lenientMessageEntry(HistoryMessageSchema))();
