import * as v from 'valibot';
import type { AiccContext } from './aicc-context.js';
import type { HandlerResult } from './aicc-responses.js';
import type { MessageTokenRecord } from './aicc-state.js';
import { UPLINK_CONTROL_TYPES, UPLINK_MEDIA_TYPES, type UplinkMediaType, type UplinkMessageRecord } from './chat-message.js';
import { closeSession, connectSession, openSessionOf, receiveChat, transferToAgent } from './chat-session.js';
import { describeIssues } from './read-json-body.js';
import { utf8ByteLength } from './text-measures.js';

/** Largest `content` of a message a client sends, in UTF-8 bytes (AICC: "TEXT ≤ 1 KB"). */
export const UPLINK_TEXT_MAX_BYTES = 1024;

/**
 * `resultCode`s of `send`/`sendAsync`. AICC only documents `"0"` = success and "other = failure"; the emulator
 * uses `"1"` for bad parameters and `"5"` (AICC's "session ended" code of queryQueueInfo) for a message that needs
 * an open session when there is none.
 */
export const SEND_RESULT_CODES = { success: '0', invalidParameter: '1', noSession: '5' } as const;

/** The `send`/`sendAsync` request body (`sendMsgReq`). Unknown fields are ignored. */
export const SendMessageRequestSchema = /* @__PURE__ */ (() =>
  v.object({
    channel: v.literal('WEB', 'channel must be WEB'),
    content: v.optional(v.string('content must be a string')),
    controlType: v.picklist(UPLINK_CONTROL_TYPES, `controlType must be one of ${UPLINK_CONTROL_TYPES.join(', ')}`),
    from: v.pipe(v.string('from must be a string'), v.nonEmpty('from is required')),
    mediaType: v.picklist(UPLINK_MEDIA_TYPES, `mediaType must be one of ${UPLINK_MEDIA_TYPES.join(', ')}`),
    senderNickname: v.optional(v.string('senderNickname must be a string')),
    sourceType: v.literal('CUSTOMER', 'sourceType must be CUSTOMER'),
    timestamp: v.optional(
      v.union(
        [v.pipe(v.string(), v.regex(/^\d{1,16}$/)), v.pipe(v.number(), v.integer(), v.minValue(0))],
        'timestamp must be milliseconds since the epoch',
      ),
    ),
    to: v.pipe(v.string('to must be a string'), v.nonEmpty('to is required')),
    userAgent: v.optional(v.string('userAgent must be a string')),
    senderAvatar: v.optional(v.string('senderAvatar must be a string')),
  }))();

/** The parsed `sendMsgReq`. */
export type SendMessageRequest = v.InferOutput<typeof SendMessageRequestSchema>;

/** Whether the request came to `send` (synchronous) or `sendAsync`. */
export type SendMode = 'sync' | 'async';

const MEDIA_WITH_OBJECT_KEY: readonly UplinkMediaType[] = ['IMAGE', 'AUDIO', 'VIDEO', 'FILE_IMAGE', 'FILE_VIDEO'];
const WEBCARD_MEDIA_FILE_TYPES = ['img', 'img/png', 'img/jpg'];

/**
 * Checks `content` against its `mediaType` (sendMsgReq rules). Returns a description of the problem, or
 * `undefined` when the content is acceptable. Content is required for CHAT only.
 */
export function checkMessageContent(context: AiccContext, request: SendMessageRequest): string | undefined {
  const { content, mediaType, controlType } = request;
  if (content === undefined || content === '') return controlType === 'CHAT' ? 'content is required for CHAT messages.' : undefined;
  if (utf8ByteLength(content) > UPLINK_TEXT_MAX_BYTES) return `content must be at most ${UPLINK_TEXT_MAX_BYTES} bytes (UTF-8).`;
  if (controlType !== 'CHAT') return undefined;
  if (MEDIA_WITH_OBJECT_KEY.includes(mediaType)) {
    const [objectKey = '', extension, ...rest] = content.split(',');
    if (rest.length > 0 || (extension !== undefined && !/^[A-Za-z0-9]{1,10}$/.test(extension))) {
      return `content of ${mediaType} must be "objectKey" or "objectKey,extension".`;
    }
    if (!context.state.uploads.has(objectKey))
      return `content of ${mediaType}: unknown objectKey; upload the file with uploadFileStream first.`;
    return undefined;
  }
  if (mediaType === 'FILE') {
    const parts = content.split(',');
    const [fileName = '', fileSize = '', fileId = '', fileType = ''] = parts;
    if (parts.length !== 4 || fileName === '' || !/^\d+$/.test(fileSize) || fileType === '') {
      return 'content of FILE must be "fileName,fileSize,fileId,fileType".';
    }
    if (!context.state.uploads.has(fileId)) return 'content of FILE: unknown fileId; upload the file with uploadFileStream first.';
    return undefined;
  }
  if (mediaType === 'WEBCARD') return checkWebCard(content);
  return undefined;
}

function checkWebCard(content: string): string | undefined {
  let card: unknown;
  try {
    card = JSON.parse(content);
  } catch {
    return 'content of WEBCARD must be a JSON object.';
  }
  if (typeof card !== 'object' || card === null || Array.isArray(card)) return 'content of WEBCARD must be a JSON object.';
  const { redirectUrl, mediaFileId, mediaFileType } = card as Record<string, unknown>;
  const present = (value: unknown): boolean => typeof value === 'string' && value !== '';
  if (!present(redirectUrl) && !present(mediaFileId)) return 'content of WEBCARD needs redirectUrl or mediaFileId.';
  if (mediaFileType !== undefined && !WEBCARD_MEDIA_FILE_TYPES.includes(String(mediaFileType))) {
    return `content of WEBCARD: mediaFileType must be one of ${WEBCARD_MEDIA_FILE_TYPES.join(', ')}.`;
  }
  return undefined;
}

/**
 * `POST /apiaccess/ccmessaging/send` and `sendAsync`: validates the `sendMsgReq` (fields, `from` = the token's
 * user, `to` = the token's channel, content per mediaType, TEXT ≤ 1 KB) and acts on its `controlType`:
 * CONNECT opens a robot session (again on an open session: success, nothing new), CHAT is answered by the robot or
 * agent, TRANS2AGENT queues for the agent, INPUT and READ are acknowledged, DISCONNECT ends the session. Everything
 * but CONNECT needs an open session (`resultCode "5"` otherwise).
 */
export function sendMessage(context: AiccContext, token: MessageTokenRecord, body: Record<string, unknown>, mode: SendMode): HandlerResult {
  const failure = (resultCode: string, resultDesc: string): HandlerResult => ({ body: { resultCode, resultDesc } });
  const parsed = v.safeParse(SendMessageRequestSchema, body);
  if (!parsed.success) return failure(SEND_RESULT_CODES.invalidParameter, describeIssues(parsed.issues));
  const request = parsed.output;
  if (request.from !== token.userId)
    return failure(SEND_RESULT_CODES.invalidParameter, 'from must be the userId of the ccmessaging-token.');
  if (request.to !== token.channelId)
    return failure(SEND_RESULT_CODES.invalidParameter, 'to must be the channelId of the ccmessaging-token.');
  const contentProblem = checkMessageContent(context, request);
  if (contentProblem !== undefined) return failure(SEND_RESULT_CODES.invalidParameter, contentProblem);

  const success = (resultDesc: string): HandlerResult => ({
    body: { resultCode: SEND_RESULT_CODES.success, resultDesc: mode === 'async' ? 'send sendMessageForOpenApiAsync success.' : resultDesc },
  });
  const existing = context.state.sessions.get(token.userId);
  const session = openSessionOf(context, token.userId);
  if (request.controlType === 'CONNECT') {
    if (session === undefined) {
      connectSession(context, token);
      return success('connect to robot successfully.');
    }
    if (session.channelId !== token.channelId) {
      return failure(SEND_RESULT_CODES.invalidParameter, 'the user already has an open session on another channel.');
    }
    return success('the session is already connected.');
  }
  if (session === undefined || session.channelId !== token.channelId) {
    const why =
      existing === undefined
        ? 'the session does not exist; send CONNECT first.'
        : 'the session has ended; send CONNECT to start a new one.';
    return failure(SEND_RESULT_CODES.noSession, why);
  }
  switch (request.controlType) {
    case 'CHAT': {
      const receivedAt = context.now();
      const uplink: UplinkMessageRecord = {
        channel: 'WEB',
        content: request.content ?? '',
        from: token.userId,
        to: token.channelId,
        mediaType: request.mediaType,
        controlType: 'CHAT',
        sourceType: 'CUSTOMER',
        ...(request.senderNickname === undefined ? {} : { senderNickname: request.senderNickname }),
        timestamp: receivedAt,
        messageCode: context.nextMessageCode(),
        callId: session.callId,
      };
      const statusBefore = session.status;
      receiveChat(context, session, uplink);
      if (statusBefore === 'robot') return success('Send message to robot successfully');
      if (statusBefore === 'agent') return success('Send message to agent successfully');
      return success('Send message successfully; the session is queuing for an agent.');
    }
    case 'TRANS2AGENT':
      return success(
        transferToAgent(context, session) ? 'transfer to agent successfully.' : 'the session is already queuing or connected to an agent.',
      );
    case 'INPUT':
      return success('send input status successfully.');
    case 'READ':
      return success('send read status successfully.');
    case 'DISCONNECT':
      closeSession(context, session, 'the session has ended.');
      return success('disconnect successfully.');
  }
}
