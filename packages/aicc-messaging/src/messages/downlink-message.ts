import * as v from 'valibot';
import type { DownlinkControlType, DownlinkMediaType, DownlinkSourceType } from './enumerations.js';
import type { UnreadableMessage } from './read-message-leniently.js';
import {
  LenientBooleanSchema,
  optionalPicklist,
  TimestampSchema,
  type OptionalPicklistSchema,
  type OptionalStringSchema,
} from './response-fields.js';

/**
 * The type of the `content` of a message AICC returns: a string or an array of strings; `''` when absent, `null`
 * kept as sent.
 */
export type MessageContentSchema = v.OptionalSchema<
  v.NullableSchema<v.UnionSchema<[v.StringSchema<undefined>, v.ArraySchema<v.StringSchema<undefined>, undefined>], string>, undefined>,
  ''
>;

/**
 * The type of a time of a message AICC returns (`timestamp`, `receiveTime`): a string or a number of milliseconds
 * since the epoch, kept as it came (AICC's tables say string, its examples send a number); absent or `null` when not
 * set.
 */
export type OptionalTimestampSchema = v.OptionalSchema<v.NullableSchema<typeof TimestampSchema, undefined>, undefined>;

/** The type of a string or number field of a message AICC returns: absent or `null` when not set. */
export type OptionalScalarSchema = v.OptionalSchema<
  v.NullableSchema<v.UnionSchema<[v.StringSchema<undefined>, v.NumberSchema<undefined>], string>, undefined>,
  undefined
>;

const optionalString: OptionalStringSchema = /* @__PURE__ */ (() => v.optional(v.nullable(v.string('must be a string'))))();
const optionalScalar: OptionalScalarSchema = /* @__PURE__ */ (() =>
  v.optional(v.nullable(v.union([v.string(), v.number()], 'must be a string or a number'))))();

/** The entries of {@link DownlinkMessageSchema}: the fields of a {@link DownlinkMessage}, documented one by one. */
export type DownlinkMessageEntries = {
  /** `WEB`. */
  readonly channel: OptionalStringSchema;
  /**
   * TEXT: the text (≤ 500 characters); IMAGE/VIDEO/AUDIO/DOCUMENT: a resource id for `downloadFile`; LOCATE:
   * `latitude/longitude/description`; READ: the ids of the messages read (a JSON array, as text or as an array).
   */
  readonly content: MessageContentSchema;
  /** The channel Configuration ID. */
  readonly from: OptionalStringSchema;
  /** The end user's id. */
  readonly to: OptionalStringSchema;
  /** `TEXT`, `IMAGE`, `VIDEO`, `AUDIO`, `LOCATE`, `DOCUMENT`; absent when AICC leaves it out. */
  readonly mediaType: OptionalPicklistSchema<DownlinkMediaType>;
  /** `CHAT`, `CONNECT`, `DISCONNECT`, `READ` (`TRANS2AGENT` in pushes); absent when AICC leaves it out. */
  readonly controlType: OptionalPicklistSchema<DownlinkControlType>;
  /** `AGENT`, `ROBOT`, `SYSTEM`; absent when AICC leaves it out (READ receipts often do). */
  readonly sourceType: OptionalPicklistSchema<DownlinkSourceType>;
  /** The sender's display name (`system`/`系统` for system messages). */
  readonly senderNickname: OptionalStringSchema;
  readonly senderAvatar: OptionalStringSchema;
  /** When the message was produced (ms since the epoch), as a string or a number. */
  readonly timestamp: OptionalTimestampSchema;
  /** Similar questions the robot suggests. */
  readonly simQuestions: v.OptionalSchema<v.NullableSchema<v.ArraySchema<v.StringSchema<string>, undefined>, undefined>, undefined>;
  /** `true` on the message that ends the session: the client must stop sending. */
  readonly isOfflineStatus: typeof LenientBooleanSchema;
  /** Unique id of the message (for READ receipts, recall, delete). */
  readonly messageCode: OptionalStringSchema;
  /** Robot interaction index: pass it to `robotFeedback`. */
  readonly interIdx: OptionalScalarSchema;
  /** `null` for a media-library file, `"1"` for a local file (download it with `local: true`). */
  readonly contentType: OptionalStringSchema;
  /** The file type of a media message (use it as `fileType` of `downloadFile` for local files). */
  readonly mediaFileType: OptionalStringSchema;
  /** The session (call) id. */
  readonly callId: OptionalStringSchema;
  readonly robotGender: OptionalStringSchema;
  /** `Y` when the session is queued for an agent. */
  readonly queueFlag: OptionalStringSchema;
  /** When AICC queued the message for the user. */
  readonly receiveTime: OptionalTimestampSchema;
  readonly associationContentId: OptionalStringSchema;
  readonly handlerType: OptionalScalarSchema;
};

/**
 * A message AICC delivers to the end user (`downlinkMessages` of `poll`, `messages` of a push). Documented
 * enumerations are typed; undocumented values, unknown fields and absent `mediaType`/`controlType`/`sourceType`
 * pass through (a message a poll has taken off the server must never be dropped for a new field or value).
 * `timestamp` may be a string or a number, as AICC's tables and examples disagree; `isOfflineStatus` is always a
 * boolean (absent → `false`). `poll` and `messages()` read each message on its own with
 * {@link readDownlinkMessage}, so even a message this schema rejects is delivered (with `unreadable` set).
 *
 * @example
 * ```ts
 * const message = v.parse(DownlinkMessageSchema, json);
 * if (message.sourceType === 'ROBOT' && message.interIdx !== undefined) offerFeedback(message.interIdx);
 * ```
 */
export const DownlinkMessageSchema: v.LooseObjectSchema<DownlinkMessageEntries, undefined> = /* @__PURE__ */ (() =>
  v.looseObject({
    channel: optionalString,
    content: v.optional(v.nullable(v.union([v.string(), v.array(v.string())], 'must be a string or an array of strings')), ''),
    from: optionalString,
    to: optionalString,
    mediaType: optionalPicklist<DownlinkMediaType>(),
    controlType: optionalPicklist<DownlinkControlType>(),
    sourceType: optionalPicklist<DownlinkSourceType>(),
    senderNickname: optionalString,
    senderAvatar: optionalString,
    timestamp: v.optional(v.nullable(TimestampSchema)),
    simQuestions: v.optional(v.nullable(v.array(v.string('must be a string')))),
    isOfflineStatus: LenientBooleanSchema,
    messageCode: optionalString,
    interIdx: optionalScalar,
    contentType: optionalString,
    mediaFileType: optionalString,
    callId: optionalString,
    robotGender: optionalString,
    queueFlag: optionalString,
    receiveTime: v.optional(v.nullable(TimestampSchema)),
    associationContentId: optionalString,
    handlerType: optionalScalar,
  }))();

/**
 * A message AICC delivered to the end user, as {@link DownlinkMessageSchema} outputs it. When the message did not
 * fit the schema (a field of an unexpected type, or not an object at all), it is still delivered: the fields that
 * do not fit are left out (absent) and `unreadable` holds the message as sent and the reasons.
 */
export type DownlinkMessage = v.InferOutput<typeof DownlinkMessageSchema> & {
  /** Set only when the message did not fit {@link DownlinkMessageSchema}; see {@link UnreadableMessage}. */
  readonly unreadable?: UnreadableMessage | undefined;
};
