import type * as v from 'valibot';
import { DownlinkMessageSchema, type DownlinkMessage } from './downlink-message.js';
import { lenientMessageEntry, readMessageLeniently } from './read-message-leniently.js';

/**
 * Reads one message AICC delivered, never failing — what `poll` and `messages()` do with each message; use it for
 * messages that reach you another way (the `messages` of a push). A message that fits the documented shape of a
 * {@link DownlinkMessage} comes out parsed; one that does not comes out with the fields that do not fit left out and
 * `unreadable` set to the message as sent and the reasons (values never quoted). Something that is not an object at
 * all comes out as an empty message (`content` `''`, `isOfflineStatus` `false`) with `unreadable`.
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
 *
 * @internal
 */
export const DownlinkMessageEntrySchema: v.GenericSchema<unknown, DownlinkMessage> = /* @__PURE__ */ (() =>
  lenientMessageEntry(DownlinkMessageSchema))();
