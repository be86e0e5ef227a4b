import * as v from 'valibot';
import { DOWNLINK_CONTROL_TYPES, DOWNLINK_MEDIA_TYPES, DOWNLINK_SOURCE_TYPES } from './enumerations.js';
import { LenientBooleanSchema, openPicklist, TimestampSchema } from './response-fields.js';

const optionalString = v.optional(v.nullable(v.string('must be a string')));
const optionalScalar = v.optional(v.nullable(v.union([v.string(), v.number()], 'must be a string or a number')));

/**
 * A message AICC delivers to the end user (`downlinkMessages` of `poll`, `messages` of a push). Documented
 * enumerations are typed; undocumented values and unknown fields pass through (a message a poll has taken off the
 * server must never be dropped for a new field or value). `timestamp` may be a string or a number, as AICC's
 * tables and examples disagree; `isOfflineStatus` is always a boolean (absent → `false`).
 *
 * @example
 * ```ts
 * const message = v.parse(DownlinkMessageSchema, json);
 * if (message.sourceType === 'ROBOT' && message.interIdx !== undefined) offerFeedback(message.interIdx);
 * ```
 */
export const DownlinkMessageSchema = v.looseObject({
  /** `WEB`. */
  channel: optionalString,
  /**
   * TEXT: the text (≤ 500 characters); IMAGE/VIDEO/AUDIO/DOCUMENT: a resource id for `downloadFile`; LOCATE:
   * `latitude/longitude/description`; READ: the ids of the messages read (a JSON array, as text or as an array).
   */
  content: v.optional(v.nullable(v.union([v.string(), v.array(v.string())], 'must be a string or an array of strings')), ''),
  /** The channel Configuration ID. */
  from: optionalString,
  /** The end user's id. */
  to: optionalString,
  mediaType: openPicklist(DOWNLINK_MEDIA_TYPES),
  controlType: openPicklist(DOWNLINK_CONTROL_TYPES),
  sourceType: openPicklist(DOWNLINK_SOURCE_TYPES),
  /** The sender's display name (`system`/`系统` for system messages). */
  senderNickname: optionalString,
  senderAvatar: optionalString,
  /** When the message was produced (ms since the epoch), as a string or a number. */
  timestamp: v.optional(v.nullable(TimestampSchema)),
  /** Similar questions the robot suggests. */
  simQuestions: v.optional(v.nullable(v.array(v.string('must be a string')))),
  /** `true` on the message that ends the session: the client must stop sending. */
  isOfflineStatus: LenientBooleanSchema,
  /** Unique id of the message (for READ receipts, recall, delete). */
  messageCode: optionalString,
  /** Robot interaction index: pass it to `robotFeedback`. */
  interIdx: optionalScalar,
  /** `null` for a media-library file, `"1"` for a local file (download it with `local: true`). */
  contentType: optionalString,
  /** The file type of a media message (use it as `fileType` of `downloadFile` for local files). */
  mediaFileType: optionalString,
  /** The session (call) id. */
  callId: optionalString,
  robotGender: optionalString,
  /** `Y` when the session is queued for an agent. */
  queueFlag: optionalString,
  /** When AICC queued the message for the user. */
  receiveTime: v.optional(v.nullable(TimestampSchema)),
  associationContentId: optionalString,
  handlerType: optionalScalar,
});

/** A message AICC delivered to the end user, as {@link DownlinkMessageSchema} outputs it. */
export type DownlinkMessage = v.InferOutput<typeof DownlinkMessageSchema>;
