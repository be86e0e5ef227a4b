import * as v from 'valibot';
import type { EntriesOf } from './entries-of.js';
import type {
  DownlinkControlType,
  DownlinkMediaType,
  DownlinkSourceType,
  UPLINK_SOURCE_TYPE,
  UplinkControlType,
  UplinkMediaType,
} from './enumerations.js';
import type { UnreadableMessage } from './read-message-leniently.js';
import {
  LenientBooleanSchema,
  MessageContentSchema,
  OptionalScalarSchema,
  OptionalStringSchema,
  optionalPicklist,
} from './response-fields.js';

/**
 * One entry of `queryHistoryChatMessage`'s `messageList`: a message the user sent (`sourceType` `CUSTOMER`) or one
 * delivered to them. Documented enumerations are typed; undocumented values, unknown fields and absent or `null`
 * `mediaType`/`controlType`/`sourceType` pass through. `history()` reads each entry on its own with
 * {@link readHistoryMessage}: when an entry does not fit (a field of an unexpected type, or not an object at all),
 * it is still delivered, the fields that do not fit left out (absent) and `unreadable` set to the entry as sent and
 * the reasons; one odd entry never fails the page.
 */
export interface HistoryMessage {
  /** `WEB`. */
  channel?: string | null | undefined;
  /** The text, a resource id or the ids of the messages read, as in a {@link DownlinkMessage}; `''` when absent. */
  content: string | string[] | null;
  /** Who sent it: the user's id, or the channel Configuration ID. */
  from?: string | null | undefined;
  /** Who it was for. */
  to?: string | null | undefined;
  /** Absent or `null` when AICC leaves it out. */
  mediaType?: UplinkMediaType | DownlinkMediaType | (string & {}) | null | undefined;
  /** Absent or `null` when AICC leaves it out. */
  controlType?: UplinkControlType | DownlinkControlType | (string & {}) | null | undefined;
  /** `CUSTOMER` for what the user sent; absent or `null` when AICC leaves it out. */
  sourceType?: typeof UPLINK_SOURCE_TYPE | DownlinkSourceType | (string & {}) | null | undefined;
  /** The sender's display name. */
  senderNickname?: string | null | undefined;
  /** When the message was sent (ms since the epoch), as a string or a number. */
  timestamp?: string | number | null | undefined;
  /** Unique id of the message. */
  messageCode?: string | null | undefined;
  /** The session (call) id. */
  callId?: string | null | undefined;
  /** `true` on the message that ended its session (absent → `false`). */
  isOfflineStatus: boolean;
  /** Set only when the entry did not fit the documented shape; see {@link UnreadableMessage}. */
  readonly unreadable?: UnreadableMessage | undefined;
  /** Fields AICC adds later, as they came. */
  [field: string]: unknown;
}

/** The schema of a {@link HistoryMessage} (`unreadable` is set by {@link readHistoryMessage}, never by it). */
export const HistoryMessageSchema: v.GenericSchema<unknown, HistoryMessage> = /* @__PURE__ */ (() =>
  v.looseObject({
    channel: OptionalStringSchema,
    content: MessageContentSchema,
    from: OptionalStringSchema,
    to: OptionalStringSchema,
    mediaType: optionalPicklist<UplinkMediaType | DownlinkMediaType>(),
    controlType: optionalPicklist<UplinkControlType | DownlinkControlType>(),
    sourceType: optionalPicklist<typeof UPLINK_SOURCE_TYPE | DownlinkSourceType>(),
    senderNickname: OptionalStringSchema,
    timestamp: OptionalScalarSchema,
    messageCode: OptionalStringSchema,
    callId: OptionalStringSchema,
    isOfflineStatus: LenientBooleanSchema,
  } satisfies EntriesOf<HistoryMessage, 'unreadable'>))();
