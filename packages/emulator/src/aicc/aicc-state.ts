import type { ChatHistoryMessage, DownlinkMessage } from './chat-message.js';

/** An API Fabric AccessToken issued by `tokenByAkSk`. */
export interface AccessTokenRecord {
  readonly accessToken: string;
  /** The `app_key` it was issued to; calls must send the same value as `x-app-key`. */
  readonly appKey: string;
  /** The 32-hex `Scope` returned with it. */
  readonly scope: string;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
  /** Milliseconds since the epoch; the token is rejected from this instant on. */
  expiresAt: number;
}

/** A `ccmessaging-token` issued by `applyToken` or by rotation in a response header. */
export interface MessageTokenRecord {
  readonly token: string;
  readonly userId: string;
  readonly userName: string;
  readonly channelId: string;
  readonly locale: string;
  /** Milliseconds since the epoch. */
  readonly issuedAt: number;
  /** Milliseconds since the epoch; the token is rejected (401) from this instant on. */
  expiresAt: number;
  /** The token this one replaced, when it was handed out by rotation. */
  readonly rotatedFrom?: string;
  /** The token handed out in a response header to replace this one, once it was near expiry. */
  rotatedTo?: string;
}

/**
 * Where a chat session is: with the scripted robot, queued for an agent after `TRANS2AGENT`, with the agent, or
 * ended by `DISCONNECT`.
 */
export type ChatSessionStatus = 'robot' | 'queued' | 'agent' | 'closed';

/** One chat session of an end user, opened by `CONNECT`. */
export interface ChatSessionRecord {
  /** The session (call) id, carried as `callId` in downlink messages. */
  readonly callId: string;
  readonly userId: string;
  readonly userName: string;
  readonly channelId: string;
  readonly locale: string;
  status: ChatSessionStatus;
  /** Milliseconds since the epoch. */
  readonly connectedAt: number;
  /** When the session entered the agent queue. */
  queuedAt?: number;
  /** When the agent joined. */
  agentJoinedAt?: number;
  /** When the session ended. */
  closedAt?: number;
  /** The `interIdx` values of the robot answers of this session. */
  readonly robotInteractionIndexes: string[];
}

/** A file stored by `uploadFileStream`. */
export interface UploadRecord {
  readonly objectKey: string;
  /** Lower-case file type, e.g. `jpg`. */
  readonly fileType: string;
  readonly bytes: Uint8Array;
  readonly userId: string;
  /** Milliseconds since the epoch. */
  readonly uploadedAt: number;
}

/** A rating saved by `saveSatisfaction`. */
export interface SatisfactionRecord {
  readonly userId: string;
  readonly channelConfigId: string;
  readonly callId: string;
  readonly evaluation: string;
  /** As sent; `""` when the user wrote nothing. */
  readonly comment: string;
  /** `"0"`–`"9"`, as sent (AICC types it String). */
  readonly npsScore?: string;
  /** `"1"` resolved at first contact, `"2"` not, as sent. */
  readonly fcrValue?: string;
  /** Milliseconds since the epoch. */
  readonly savedAt: number;
}

/** A robot answer rating saved by `v1/robot/feedbacksatisfaction`. */
export interface RobotFeedbackRecord {
  readonly userId: string;
  readonly callId: string;
  readonly interIdx: string;
  /** `1` satisfied, `0` dissatisfied. */
  readonly feedback: 0 | 1;
  readonly feedbackContent?: string;
  /** Milliseconds since the epoch. */
  readonly savedAt: number;
}

/** A message left by `doLeaveMessage`. */
export interface LeaveMessageRecord {
  readonly userId: string;
  readonly callId: string;
  readonly caller: string;
  readonly leaveMessage: string;
  /** Milliseconds since the epoch. */
  readonly savedAt: number;
}

/** How many times the emulated AICC did something tests like to count. */
export interface AiccCounters {
  /** AccessTokens issued by `tokenByAkSk`. */
  issuedAccessTokens: number;
  /** `ccmessaging-token`s issued by `applyToken`. */
  issuedMessageTokens: number;
  /** `ccmessaging-token`s handed out in a response header because the presented one was near expiry. */
  rotatedMessageTokens: number;
  /** Requests answered 403 because of a missing, unknown or expired AccessToken or a wrong `x-app-key`. */
  rejectedAccessTokens: number;
  /** Requests answered 401 because of a missing, unknown or expired `ccmessaging-token`. */
  rejectedMessageTokens: number;
}

/**
 * Everything the emulated AICC holds, for tests to inspect. Each read of `state` gives a fresh deep copy, so
 * changing it changes nothing in the service: change the service through its requests and helpers.
 */
export interface AiccState {
  /** Issued AccessTokens by token value (expired ones stay until the service is discarded). */
  readonly accessTokens: ReadonlyMap<string, AccessTokenRecord>;
  /** Issued `ccmessaging-token`s by token value. */
  readonly messageTokens: ReadonlyMap<string, MessageTokenRecord>;
  /** The latest session of each user, by user id. */
  readonly sessions: ReadonlyMap<string, ChatSessionRecord>;
  /** Every session ever connected, oldest first. */
  readonly sessionLog: readonly ChatSessionRecord[];
  /** User ids queued for an agent, first in line first. */
  readonly agentQueue: readonly string[];
  /** Chat history of each user (messages sent and delivered), oldest first. */
  readonly messages: ReadonlyMap<string, readonly ChatHistoryMessage[]>;
  /** Downlink messages queued for each user and not yet taken by `poll`. */
  readonly pendingMessages: ReadonlyMap<string, readonly DownlinkMessage[]>;
  /** Uploaded files by `objectKey`. */
  readonly uploads: ReadonlyMap<string, UploadRecord>;
  readonly satisfactions: readonly SatisfactionRecord[];
  readonly robotFeedbacks: readonly RobotFeedbackRecord[];
  readonly leaveMessages: readonly LeaveMessageRecord[];
  /** Requests received, by path (including rejected ones). */
  readonly requestsByPath: ReadonlyMap<string, number>;
  readonly counters: Readonly<AiccCounters>;
}

/** The writable form of {@link AiccState} the service's parts share. */
export interface MutableAiccState extends AiccState {
  readonly accessTokens: Map<string, AccessTokenRecord>;
  readonly messageTokens: Map<string, MessageTokenRecord>;
  readonly sessions: Map<string, ChatSessionRecord>;
  readonly sessionLog: ChatSessionRecord[];
  readonly agentQueue: string[];
  readonly messages: Map<string, ChatHistoryMessage[]>;
  readonly pendingMessages: Map<string, DownlinkMessage[]>;
  readonly uploads: Map<string, UploadRecord>;
  readonly satisfactions: SatisfactionRecord[];
  readonly robotFeedbacks: RobotFeedbackRecord[];
  readonly leaveMessages: LeaveMessageRecord[];
  readonly requestsByPath: Map<string, number>;
  readonly counters: AiccCounters;
}

/** Creates the empty state of a fresh emulated AICC. */
export function createAiccState(): MutableAiccState {
  return {
    accessTokens: new Map(),
    messageTokens: new Map(),
    sessions: new Map(),
    sessionLog: [],
    agentQueue: [],
    messages: new Map(),
    pendingMessages: new Map(),
    uploads: new Map(),
    satisfactions: [],
    robotFeedbacks: [],
    leaveMessages: [],
    requestsByPath: new Map(),
    counters: {
      issuedAccessTokens: 0,
      issuedMessageTokens: 0,
      rotatedMessageTokens: 0,
      rejectedAccessTokens: 0,
      rejectedMessageTokens: 0,
    },
  };
}

/**
 * A deep copy of the state, for `state` reads: changing it changes nothing in the service. Records shared between
 * collections (a session in `sessions` and `sessionLog`) stay shared within the copy.
 */
export function snapshotAiccState(state: MutableAiccState): AiccState {
  return structuredClone(state);
}
