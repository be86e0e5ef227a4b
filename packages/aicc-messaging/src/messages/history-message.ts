import * as v from 'valibot';
import type { MessageContentSchema, OptionalTimestampSchema } from './downlink-message.js';
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
  optionalPicklist,
  TimestampSchema,
  type OptionalPicklistSchema,
  type OptionalStringSchema,
} from './response-fields.js';

const optionalString: OptionalStringSchema = /* @__PURE__ */ (() => v.optional(v.nullable(v.string('must be a string'))))();

/**
 * One entry of `queryHistoryChatMessage`'s `messageList`: a message the user sent (`sourceType` `CUSTOMER`) or one
 * delivered to them. Documented enumerations are typed; undocumented values, unknown fields and absent or `null`
 * `mediaType`/`controlType`/`sourceType` pass through. `history()` reads each entry on its own with
 * {@link readHistoryMessage}, so even an entry this schema rejects is delivered (with `unreadable` set) and one odd
 * entry never fails the page.
 */
export const HistoryMessageSchema: v.LooseObjectSchema<
  {
    readonly channel: OptionalStringSchema;
    readonly content: MessageContentSchema;
    readonly from: OptionalStringSchema;
    readonly to: OptionalStringSchema;
    /** Absent or `null` when AICC leaves it out. */
    readonly mediaType: OptionalPicklistSchema<UplinkMediaType | DownlinkMediaType>;
    /** Absent or `null` when AICC leaves it out. */
    readonly controlType: OptionalPicklistSchema<UplinkControlType | DownlinkControlType>;
    /** `CUSTOMER` for what the user sent; absent or `null` when AICC leaves it out. */
    readonly sourceType: OptionalPicklistSchema<typeof UPLINK_SOURCE_TYPE | DownlinkSourceType>;
    readonly senderNickname: OptionalStringSchema;
    readonly timestamp: OptionalTimestampSchema;
    readonly messageCode: OptionalStringSchema;
    readonly callId: OptionalStringSchema;
    readonly isOfflineStatus: typeof LenientBooleanSchema;
  },
  undefined
> = /* @__PURE__ */ (() =>
  v.looseObject({
    channel: optionalString,
    content: v.optional(v.nullable(v.union([v.string(), v.array(v.string())], 'must be a string or an array of strings')), ''),
    from: optionalString,
    to: optionalString,
    mediaType: optionalPicklist<UplinkMediaType | DownlinkMediaType>(),
    controlType: optionalPicklist<UplinkControlType | DownlinkControlType>(),
    sourceType: optionalPicklist<typeof UPLINK_SOURCE_TYPE | DownlinkSourceType>(),
    senderNickname: optionalString,
    timestamp: v.optional(v.nullable(TimestampSchema)),
    messageCode: optionalString,
    callId: optionalString,
    isOfflineStatus: LenientBooleanSchema,
  }))();

/**
 * A chat history entry, as {@link HistoryMessageSchema} outputs it. When the entry did not fit the schema (a field of
 * an unexpected type, or not an object at all), it is still delivered: the fields that do not fit are left out
 * (absent) and `unreadable` holds the entry as sent and the reasons.
 */
export type HistoryMessage = v.InferOutput<typeof HistoryMessageSchema> & {
  /** Set only when the entry did not fit {@link HistoryMessageSchema}; see {@link UnreadableMessage}. */
  readonly unreadable?: UnreadableMessage | undefined;
};
