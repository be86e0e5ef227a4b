import * as v from 'valibot';
import type { EntriesOf } from './entries-of.js';
import type { DownlinkControlType, DownlinkMediaType, DownlinkSourceType } from './enumerations.js';
import type { UnreadableMessage } from './read-message-leniently.js';
import {
  LenientBooleanSchema,
  MessageContentSchema,
  OptionalScalarSchema,
  OptionalStringSchema,
  optionalPicklist,
} from './response-fields.js';

/**
 * A message AICC delivers to the end user (`downlinkMessages` of `poll`, `messages` of a push). Documented
 * enumerations are typed; undocumented values, unknown fields and absent `mediaType`/`controlType`/`sourceType`
 * pass through (a message a poll has taken off the server must never be dropped for a new field or value).
 * `timestamp` may be a string or a number, as AICC's tables and examples disagree; `isOfflineStatus` is always a
 * boolean (absent → `false`). `poll` and `messages()` read each message on its own with
 * {@link readDownlinkMessage}: when a message does not fit (a field of an unexpected type, or not an object at all),
 * it is still delivered, the fields that do not fit left out (absent) and `unreadable` set to the message as sent
 * and the reasons.
 *
 * @example
 * ```ts
 * for (const message of (await session.poll()).messages) {
 *   if (message.sourceType === 'ROBOT' && message.interIdx != null) offerFeedback(message.interIdx);
 * }
 * ```
 */
export interface DownlinkMessage {
  /** `WEB`. */
  channel?: string | null | undefined;
  /**
   * TEXT: the text (≤ 500 characters); IMAGE/VIDEO/AUDIO/DOCUMENT: a resource id for `downloadFile`; LOCATE:
   * `latitude/longitude/description`; READ: the ids of the messages read (a JSON array, as text or as an array).
   * `''` when AICC leaves it out; `null` kept as sent.
   */
  content: string | string[] | null;
  /** The channel Configuration ID. */
  from?: string | null | undefined;
  /** The end user's id. */
  to?: string | null | undefined;
  /** `TEXT`, `IMAGE`, `VIDEO`, `AUDIO`, `LOCATE`, `DOCUMENT`; absent when AICC leaves it out. */
  mediaType?: DownlinkMediaType | (string & {}) | null | undefined;
  /** `CHAT`, `CONNECT`, `DISCONNECT`, `READ` (`TRANS2AGENT` in pushes); absent when AICC leaves it out. */
  controlType?: DownlinkControlType | (string & {}) | null | undefined;
  /** `AGENT`, `ROBOT`, `SYSTEM`; absent when AICC leaves it out (READ receipts often do). */
  sourceType?: DownlinkSourceType | (string & {}) | null | undefined;
  /** The sender's display name (`system`/`系统` for system messages). */
  senderNickname?: string | null | undefined;
  /** The sender's avatar, when AICC sends one. */
  senderAvatar?: string | null | undefined;
  /** When the message was produced (ms since the epoch), as a string or a number. */
  timestamp?: string | number | null | undefined;
  /** Similar questions the robot suggests. */
  simQuestions?: string[] | null | undefined;
  /** `true` on the message that ends the session: the client must stop sending. */
  isOfflineStatus: boolean;
  /** Unique id of the message (for READ receipts, recall, delete). */
  messageCode?: string | null | undefined;
  /** Robot interaction index: pass it to `sendRobotFeedback`. */
  interIdx?: string | number | null | undefined;
  /** `null` for a media-library file, `"1"` for a local file (download it with `local: true`). */
  contentType?: string | null | undefined;
  /** The file type of a media message (use it as `fileType` of `downloadFile` for local files). */
  mediaFileType?: string | null | undefined;
  /** The session (call) id. */
  callId?: string | null | undefined;
  /** Not in AICC's tables; its examples send it. */
  robotGender?: string | null | undefined;
  /** `Y` when the session is queued for an agent. */
  queueFlag?: string | null | undefined;
  /** When AICC queued the message for the user, as a string or a number. */
  receiveTime?: string | number | null | undefined;
  /** Not in AICC's tables; its multimedia examples send it. */
  associationContentId?: string | null | undefined;
  /** Not in AICC's tables; its multimedia examples send it. */
  handlerType?: string | number | null | undefined;
  /** Set only when the message did not fit the documented shape; see {@link UnreadableMessage}. */
  readonly unreadable?: UnreadableMessage | undefined;
  /** Fields AICC adds later, as they came. */
  [field: string]: unknown;
}

/** The schema of a {@link DownlinkMessage} (`unreadable` is set by {@link readDownlinkMessage}, never by it). */
export const DownlinkMessageSchema: v.GenericSchema<unknown, DownlinkMessage> = /* @__PURE__ */ (() =>
  v.looseObject({
    channel: OptionalStringSchema,
    content: MessageContentSchema,
    from: OptionalStringSchema,
    to: OptionalStringSchema,
    mediaType: optionalPicklist<DownlinkMediaType>(),
    controlType: optionalPicklist<DownlinkControlType>(),
    sourceType: optionalPicklist<DownlinkSourceType>(),
    senderNickname: OptionalStringSchema,
    senderAvatar: OptionalStringSchema,
    timestamp: OptionalScalarSchema,
    simQuestions: v.optional(v.nullable(v.array(v.string('must be a string')))),
    isOfflineStatus: LenientBooleanSchema,
    messageCode: OptionalStringSchema,
    interIdx: OptionalScalarSchema,
    contentType: OptionalStringSchema,
    mediaFileType: OptionalStringSchema,
    callId: OptionalStringSchema,
    robotGender: OptionalStringSchema,
    queueFlag: OptionalStringSchema,
    receiveTime: OptionalScalarSchema,
    associationContentId: OptionalStringSchema,
    handlerType: OptionalScalarSchema,
  } satisfies EntriesOf<DownlinkMessage, 'unreadable'>))();
