/** `controlType` values a client may send (sendMsgReq). */
export const UPLINK_CONTROL_TYPES = ['CONNECT', 'CHAT', 'TRANS2AGENT', 'INPUT', 'DISCONNECT', 'READ'] as const;

/** `mediaType` values a client may send (sendMsgReq). */
export const UPLINK_MEDIA_TYPES = ['TEXT', 'IMAGE', 'AUDIO', 'VIDEO', 'FILE', 'FILE_IMAGE', 'FILE_VIDEO', 'WEBCARD', 'LOCATE'] as const;

/** A `controlType` a client may send. */
export type UplinkControlType = (typeof UPLINK_CONTROL_TYPES)[number];

/** A `mediaType` a client may send. */
export type UplinkMediaType = (typeof UPLINK_MEDIA_TYPES)[number];

/** A `controlType` of a downlink message (poll). */
export type DownlinkControlType = 'CHAT' | 'CONNECT' | 'DISCONNECT' | 'READ' | 'TRANS2AGENT';

/** A `mediaType` of a downlink message (poll). */
export type DownlinkMediaType = 'TEXT' | 'IMAGE' | 'VIDEO' | 'AUDIO' | 'LOCATE' | 'DOCUMENT';

/** Who produced a downlink message. */
export type DownlinkSourceType = 'AGENT' | 'ROBOT' | 'SYSTEM';

/**
 * A message AICC delivers to the end user through `poll` (the `downlinkMessages` items). The emulator sends
 * `timestamp` and `receiveTime` as numbers, as the real service does in its examples (the tables say string).
 */
export interface DownlinkMessage {
  /** Always `WEB`. */
  readonly channel: 'WEB';
  /** Text (≤ 500 characters), a resource id for media, or for READ a JSON array of read message codes. */
  readonly content: string;
  /** The channel Configuration ID. */
  readonly from: string;
  /** The end user's id. */
  readonly to: string;
  readonly mediaType: DownlinkMediaType;
  readonly controlType: DownlinkControlType;
  readonly sourceType: DownlinkSourceType;
  /** `system` for system messages, the robot's or agent's name otherwise. */
  readonly senderNickname: string;
  /** Milliseconds since the epoch when the message was produced. */
  readonly timestamp: number;
  /** Milliseconds since the epoch when the message was queued for the user. */
  readonly receiveTime: number;
  /** Unique id of the message. */
  readonly messageCode: string;
  /** Robot interaction index, present on robot answers; pass it to `feedbacksatisfaction`. */
  readonly interIdx?: string;
  /** `true` on the message that ends the session: the client must stop sending. */
  readonly isOfflineStatus: boolean;
  /** `Y` when the session is queued for an agent. */
  readonly queueFlag: 'Y' | 'N';
  /** The session (call) id. */
  readonly callId: string;
  /** Similar questions the robot suggests. */
  readonly simQuestions?: readonly string[];
  /** The robot's gender, on robot messages. */
  readonly robotGender?: string;
}

/** A message the end user sent with `send`/`sendAsync` `CHAT`, as kept in the chat history. */
export interface UplinkMessageRecord {
  readonly channel: 'WEB';
  readonly content: string;
  /** The end user's id. */
  readonly from: string;
  /** The channel Configuration ID. */
  readonly to: string;
  readonly mediaType: UplinkMediaType;
  readonly controlType: 'CHAT';
  readonly sourceType: 'CUSTOMER';
  readonly senderNickname?: string;
  /** Milliseconds since the epoch when AICC received the message. */
  readonly timestamp: number;
  /** Unique id AICC gave the message; READ receipts refer to it. */
  readonly messageCode: string;
  readonly callId: string;
}

/** One entry of the chat history (`queryHistoryChatMessage` `messageList`): sent by the user or delivered to them. */
export type ChatHistoryMessage = DownlinkMessage | UplinkMessageRecord;

/** The longest `content` AICC puts in a downlink message. */
export const DOWNLINK_CONTENT_MAX_LENGTH = 500;

/** Shortens text to the downlink content limit, marking the cut with an ellipsis. */
export function clampDownlinkContent(text: string): string {
  const characters = [...text];
  if (characters.length <= DOWNLINK_CONTENT_MAX_LENGTH) return text;
  return `${characters.slice(0, DOWNLINK_CONTENT_MAX_LENGTH - 1).join('')}…`;
}
