import * as v from 'valibot';
import type { MessageContentSchema, OptionalTimestampSchema } from './downlink-message.js';
import {
  DOWNLINK_CONTROL_TYPES,
  DOWNLINK_MEDIA_TYPES,
  DOWNLINK_SOURCE_TYPES,
  UPLINK_CONTROL_TYPES,
  UPLINK_MEDIA_TYPES,
  UPLINK_SOURCE_TYPE,
  type DownlinkControlType,
  type DownlinkMediaType,
  type DownlinkSourceType,
  type UplinkControlType,
  type UplinkMediaType,
} from './enumerations.js';
import { LenientBooleanSchema, openPicklist, TimestampSchema, type OpenPicklistSchema, type OptionalStringSchema } from './response-fields.js';

const optionalString: OptionalStringSchema = v.optional(v.nullable(v.string('must be a string')));

const HISTORY_MEDIA_TYPES = [...new Set([...UPLINK_MEDIA_TYPES, ...DOWNLINK_MEDIA_TYPES])] as const;
const HISTORY_CONTROL_TYPES = [...new Set([...UPLINK_CONTROL_TYPES, ...DOWNLINK_CONTROL_TYPES])] as const;
const HISTORY_SOURCE_TYPES = [UPLINK_SOURCE_TYPE, ...DOWNLINK_SOURCE_TYPES] as const;

/**
 * One entry of `queryHistoryChatMessage`'s `messageList`: a message the user sent (`sourceType` `CUSTOMER`) or one
 * delivered to them. Documented enumerations are typed, other values and unknown fields pass through.
 */
export const HistoryMessageSchema: v.LooseObjectSchema<
  {
    readonly channel: OptionalStringSchema;
    readonly content: MessageContentSchema;
    readonly from: OptionalStringSchema;
    readonly to: OptionalStringSchema;
    readonly mediaType: OpenPicklistSchema<UplinkMediaType | DownlinkMediaType>;
    readonly controlType: v.OptionalSchema<OpenPicklistSchema<UplinkControlType | DownlinkControlType>, undefined>;
    readonly sourceType: OpenPicklistSchema<typeof UPLINK_SOURCE_TYPE | DownlinkSourceType>;
    readonly senderNickname: OptionalStringSchema;
    readonly timestamp: OptionalTimestampSchema;
    readonly messageCode: OptionalStringSchema;
    readonly callId: OptionalStringSchema;
    readonly isOfflineStatus: typeof LenientBooleanSchema;
  },
  undefined
> = v.looseObject({
  channel: optionalString,
  content: v.optional(v.nullable(v.union([v.string(), v.array(v.string())], 'must be a string or an array of strings')), ''),
  from: optionalString,
  to: optionalString,
  mediaType: openPicklist(HISTORY_MEDIA_TYPES as readonly (typeof UPLINK_MEDIA_TYPES[number] | typeof DOWNLINK_MEDIA_TYPES[number])[]),
  controlType: v.optional(openPicklist(HISTORY_CONTROL_TYPES as readonly (typeof UPLINK_CONTROL_TYPES[number] | typeof DOWNLINK_CONTROL_TYPES[number])[])),
  sourceType: openPicklist(HISTORY_SOURCE_TYPES),
  senderNickname: optionalString,
  timestamp: v.optional(v.nullable(TimestampSchema)),
  messageCode: optionalString,
  callId: optionalString,
  isOfflineStatus: LenientBooleanSchema,
});

/** A chat history entry, as {@link HistoryMessageSchema} outputs it. */
export type HistoryMessage = v.InferOutput<typeof HistoryMessageSchema>;
