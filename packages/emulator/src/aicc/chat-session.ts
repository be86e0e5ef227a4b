import type { AiccContext } from './aicc-context.js';
import type { ChatSessionRecord, MessageTokenRecord } from './aicc-state.js';
import { clampDownlinkContent, type DownlinkMessage, type UplinkMessageRecord } from './chat-message.js';
import { faqLanguageOf, findAnswer } from './faq-catalogue.js';

/** The robot's `senderNickname`. */
export const ROBOT_NICKNAME = 'Virtual Assistant';

/** The `senderNickname` of system messages. */
export const SYSTEM_NICKNAME = 'system';

/** The fields of a downlink message that differ from message to message; the rest come from the session. */
export type DownlinkMessageFields = Pick<DownlinkMessage, 'content' | 'sourceType'> &
  Partial<
    Pick<
      DownlinkMessage,
      'mediaType' | 'controlType' | 'senderNickname' | 'interIdx' | 'isOfflineStatus' | 'queueFlag' | 'simQuestions' | 'robotGender'
    >
  >;

/** Builds a downlink message of a session (from its channel, to its user) and delivers it to the user's queue. */
export function deliverToUser(context: AiccContext, session: ChatSessionRecord, fields: DownlinkMessageFields): DownlinkMessage {
  const now = context.now();
  const message: DownlinkMessage = {
    channel: 'WEB',
    content: clampDownlinkContent(fields.content),
    from: session.channelId,
    to: session.userId,
    mediaType: fields.mediaType ?? 'TEXT',
    controlType: fields.controlType ?? 'CHAT',
    sourceType: fields.sourceType,
    senderNickname: fields.senderNickname ?? defaultNickname(context, fields.sourceType),
    timestamp: now,
    receiveTime: now,
    messageCode: context.nextMessageCode(),
    isOfflineStatus: fields.isOfflineStatus ?? false,
    queueFlag: fields.queueFlag ?? (session.status === 'queued' ? 'Y' : 'N'),
    callId: session.callId,
    ...(fields.interIdx === undefined ? {} : { interIdx: fields.interIdx }),
    ...(fields.simQuestions === undefined ? {} : { simQuestions: fields.simQuestions }),
    ...(fields.robotGender === undefined ? {} : { robotGender: fields.robotGender }),
  };
  context.hub.deliver(message);
  return message;
}

function defaultNickname(context: AiccContext, sourceType: DownlinkMessage['sourceType']): string {
  if (sourceType === 'ROBOT') return ROBOT_NICKNAME;
  if (sourceType === 'AGENT') return context.options.agentNickname;
  return SYSTEM_NICKNAME;
}

/** The user's session when it is open (with the robot, queued or with the agent). */
export function openSessionOf(context: AiccContext, userId: string): ChatSessionRecord | undefined {
  const session = context.state.sessions.get(userId);
  return session !== undefined && session.status !== 'closed' ? session : undefined;
}

/** Delivers a robot answer and remembers its `interIdx` for `feedbacksatisfaction`. */
function deliverRobotAnswer(context: AiccContext, session: ChatSessionRecord, content: string, simQuestions?: readonly string[]): void {
  const interIdx = String(session.robotInteractionIndexes.length + 1);
  session.robotInteractionIndexes.push(interIdx);
  deliverToUser(context, session, {
    content,
    sourceType: 'ROBOT',
    interIdx,
    robotGender: 'MALE',
    ...(simQuestions === undefined || simQuestions.length === 0 ? {} : { simQuestions }),
  });
}

/**
 * `CONNECT`: opens a session with the scripted robot, which greets the user (a `CONNECT` message "connected to
 * robot" and a greeting, both from the `ROBOT`). Returns the session.
 */
export function connectSession(context: AiccContext, token: MessageTokenRecord): ChatSessionRecord {
  const session: ChatSessionRecord = {
    callId: context.nextCallId(),
    userId: token.userId,
    userName: token.userName,
    channelId: token.channelId,
    locale: token.locale,
    status: 'robot',
    connectedAt: context.now(),
    robotInteractionIndexes: [],
  };
  context.state.sessions.set(session.userId, session);
  context.state.sessionLog.push(session);
  deliverToUser(context, session, { content: 'connected to robot', sourceType: 'ROBOT', controlType: 'CONNECT', robotGender: 'MALE' });
  const greeting =
    faqLanguageOf(session.locale) === 'zh'
      ? `${session.userName}，您好！我是智能助手，请问有什么可以帮您？`
      : `Hello ${session.userName}, I am the virtual assistant. Ask me about passwords, orders, refunds or shipping, or ask for a human agent.`;
  deliverRobotAnswer(context, session, greeting);
  return session;
}

/**
 * A `CHAT` message from the user: recorded in the history, then answered — by the robot from the FAQ group (or a
 * "did not understand" reply quoting the text) after `robotReplyDelayMs`, or by the agent (a READ receipt at
 * once, an answer after `agent.replyDelayMs`). Nobody answers while the session is queued.
 */
export function receiveChat(context: AiccContext, session: ChatSessionRecord, uplink: UplinkMessageRecord): void {
  context.hub.record(session.userId, uplink);
  const callId = session.callId;
  const stillIn = (status: ChatSessionRecord['status']): boolean => session.status === status && session.callId === callId;
  if (session.status === 'robot') {
    context.scheduler.schedule(context.options.robotReplyDelayMs, () => {
      if (stillIn('robot')) answerAsRobot(context, session, uplink);
    });
  } else if (session.status === 'agent') {
    deliverToUser(context, session, { content: JSON.stringify([uplink.messageCode]), sourceType: 'AGENT', controlType: 'READ' });
    context.scheduler.schedule(context.options.agentReplyDelayMs, () => {
      if (!stillIn('agent')) return;
      const content =
        uplink.mediaType === 'TEXT'
          ? `Thanks, I have received your message: "${uplink.content}". Let me check that for you.`
          : 'Thanks, I have received your file.';
      deliverToUser(context, session, { content, sourceType: 'AGENT' });
    });
  }
}

function answerAsRobot(context: AiccContext, session: ChatSessionRecord, uplink: UplinkMessageRecord): void {
  const language = faqLanguageOf(session.locale) ?? 'en';
  if (uplink.mediaType !== 'TEXT') {
    deliverRobotAnswer(context, session, language === 'zh' ? '抱歉，我只能阅读文字消息。' : 'Sorry, I can only read text messages.');
    return;
  }
  const match = findAnswer(language, uplink.content);
  if (match !== undefined) {
    deliverRobotAnswer(context, session, match.entry.answer, match.similarQuestions);
    return;
  }
  const fallback =
    language === 'zh'
      ? `抱歉，我没有理解“${uplink.content}”。您可以询问密码、订单、退款，或转人工客服。`
      : `Sorry, I did not understand "${uplink.content}". You can ask about passwords, orders, refunds or shipping, or ask for a human agent.`;
  deliverRobotAnswer(context, session, fallback);
}

/**
 * `TRANS2AGENT`: puts a robot session in the agent queue (a SYSTEM "Queuing..." message with `queueFlag: 'Y'`).
 * With the agent enabled, the agent joins after `agent.joinDelayMs`. Returns `false` when the session is already
 * queued or with the agent (nothing changes).
 */
export function transferToAgent(context: AiccContext, session: ChatSessionRecord): boolean {
  if (session.status !== 'robot') return false;
  session.status = 'queued';
  session.queuedAt = context.now();
  context.state.agentQueue.push(session.userId);
  deliverToUser(context, session, { content: 'Queuing...', sourceType: 'SYSTEM', queueFlag: 'Y' });
  if (context.options.agentEnabled) {
    const callId = session.callId;
    context.scheduler.schedule(context.options.agentJoinDelayMs, () => {
      if (session.callId === callId) joinAgent(context, session);
    });
  }
  return true;
}

/**
 * The agent takes a queued session: it leaves the queue, turns to `agent`, and the user gets a `CONNECT` message
 * "connected to agent" from the AGENT. Returns `false` (and changes nothing) when the session is not queued.
 */
export function joinAgent(context: AiccContext, session: ChatSessionRecord): boolean {
  if (session.status !== 'queued') return false;
  leaveQueue(context, session.userId);
  session.status = 'agent';
  session.agentJoinedAt = context.now();
  deliverToUser(context, session, { content: 'connected to agent', sourceType: 'AGENT', controlType: 'CONNECT' });
  return true;
}

/**
 * Ends a session (`DISCONNECT` from the user, or the agent/system hanging up): it leaves the queue, turns to
 * `closed`, and the user gets a final SYSTEM `DISCONNECT` message with `isOfflineStatus: true`.
 */
export function closeSession(context: AiccContext, session: ChatSessionRecord, content = 'the session has ended.'): void {
  if (session.status === 'closed') return;
  leaveQueue(context, session.userId);
  session.status = 'closed';
  session.closedAt = context.now();
  deliverToUser(context, session, { content, sourceType: 'SYSTEM', controlType: 'DISCONNECT', isOfflineStatus: true, queueFlag: 'N' });
}

function leaveQueue(context: AiccContext, userId: string): void {
  const index = context.state.agentQueue.indexOf(userId);
  if (index >= 0) context.state.agentQueue.splice(index, 1);
}
