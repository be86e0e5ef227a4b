import type * as v from 'valibot';
import { DownlinkMessageSchema, type DownlinkMessage } from './downlink-message.js';
import { lenientMessageEntry, readMessageLeniently } from './read-message-leniently.js';

/**
 * Reads one message AICC delivered, never failing: a message that fits {@link DownlinkMessageSchema} comes out
 * parsed; one that does not comes out with the fields that do not fit left out and `unreadable` set to the message
 * as sent and the reasons (values never quoted). Something that is not an object at all comes out as an empty
 * message (`content` `''`, `isOfflineStatus` `false`) with `unreadable`.
 *
 * @example
 * ```ts
 * const message = readDownlinkMessage(json);
 * if (message.unreadable !== undefined) report(message.unreadable.issues);
 * ```
 */
export function readDownlinkMessage(raw: unknown): DownlinkMessage {
  return readMessageLeniently(DownlinkMessageSchema, raw);
}

/**
 * The schema of one entry of a list of downlink messages: accepts anything and reads it with
 * {@link readDownlinkMessage}, so one odd message never fails the list it came in.
 */
export const DownlinkMessageEntrySchema: v.SchemaWithPipe<readonly [v.UnknownSchema, v.TransformAction<unknown, DownlinkMessage>]> =
  /* @__PURE__ */ (() => lenientMessageEntry(DownlinkMessageSchema))();
