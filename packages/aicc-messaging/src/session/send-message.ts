import { ValidationError } from '@tokenwire/core';
import { optionsObject, parseInput } from '@tokenwire/core/internal';
import * as v from 'valibot';
import { NonEmptyCheck } from '../input/non-empty.js';
import { CallOptionEntries } from '../input/signal-options.js';
import { CHANNEL, UPLINK_SOURCE_TYPE, type UplinkControlType, type UplinkMediaType } from '../messages/enumerations.js';
import {
  contentFits,
  MAX_MESSAGE_CONTENT_BYTES,
  OutgoingMessageSchema,
  prepareMessage,
  type OutgoingMessage,
} from '../messages/outgoing-message.js';
import { ResultOnlyResponseSchema, type ResultOnlyResponse } from '../messages/response-fields.js';
import { callApi, type SessionContext } from './session-caller.js';

/**
 * A successful `send` / `sendAsync` answer: `resultCode` `"0"`, `resultDesc` e.g. `connect to robot successfully.`,
 * `Send message to robot successfully`. Unknown fields pass through.
 */
export type SendResult = ResultOnlyResponse;

/** Options of the session's sending methods. */
export interface SendOptions {
  /** Aborts the call (for `sendFile`, the upload too). */
  readonly signal?: AbortSignal | undefined;
  /** Use `sendAsync` (same function, lower latency) instead of `send`. */
  readonly async?: boolean | undefined;
}

/** Control messages: the session's own actions, with empty content. Repeating them is harmless except DISCONNECT. */
const IDEMPOTENT_CONTROL_TYPES: ReadonlySet<UplinkControlType> = /* @__PURE__ */ (() =>
  new Set(['CONNECT', 'INPUT', 'READ', 'TRANS2AGENT']))();

const SendOptionsSchema = /* @__PURE__ */ (() =>
  v.optional(optionsObject({ ...CallOptionEntries, async: v.optional(v.boolean('must be a boolean')) }, 'an object of options'), {}))();

const MessageCodesSchema = /* @__PURE__ */ (() =>
  v.optional(
    v.pipe(
      v.array(v.pipe(v.string('must be a string'), NonEmptyCheck), 'must be an array of message codes'),
      v.check((codes) => contentFits(JSON.stringify(codes)), `must fit in ${MAX_MESSAGE_CONTENT_BYTES} bytes as a JSON array`),
    ),
  ))();

/**
 * Sends one `sendMsgReq` of the session's user: `controlType` with its content (`""` for control messages). The
 * body always carries `channel: WEB`, `from` (userId), `to` (channelId), `sourceType: CUSTOMER`, `senderNickname` (userName) and a
 * millisecond `timestamp` string. `from` is not limited beyond applyToken's 32 characters: the 2025 tables say
 * 1–24, but the developer guide states no limit (cec_05_2031) and its own examples send 40 (cec_05_2032).
 *
 * @internal
 */
export async function sendControl(
  context: SessionContext,
  controlType: UplinkControlType,
  content: { readonly mediaType: UplinkMediaType; readonly content?: string | undefined },
  options: { readonly signal?: AbortSignal | undefined; readonly async?: boolean | undefined },
): Promise<SendResult> {
  const { user, settings, client } = context;
  const body = {
    channel: CHANNEL,
    controlType,
    from: user.userId,
    to: user.channelId,
    sourceType: UPLINK_SOURCE_TYPE,
    mediaType: content.mediaType,
    // Mandatory in the developer guide's table (cec_05_2031), optional for control messages in the 2025 API
    // reference (cec_07_2216): `""` satisfies both, as every example sends it.
    content: content.content ?? '',
    senderNickname: user.userName,
    timestamp: String(Math.floor(client.now())),
    ...(settings.userAgent === undefined ? {} : { userAgent: settings.userAgent }),
    ...(settings.senderAvatar === undefined ? {} : { senderAvatar: settings.senderAvatar }),
  };
  return callApi(
    context,
    {
      api: options.async === true ? 'sendAsync' : 'send',
      body,
      signal: options.signal,
      idempotent: IDEMPOTENT_CONTROL_TYPES.has(controlType),
    },
    ResultOnlyResponseSchema,
  );
}

/**
 * Validates the options of a control message (connect, typing, transfer, disconnect).
 *
 * @internal
 */
export function parseSendOptions(options: unknown, subject: string): { signal?: AbortSignal | undefined; async?: boolean | undefined } {
  return parseInput(SendOptionsSchema, options, subject);
}

/**
 * `CHAT`: sends a text (a string, at most 1 KB as UTF-8) or a typed message whose content is given (`objectKey` for
 * media and FILE; a `file` to upload is refused: that is `sendFile`'s). Everything is validated before the request.
 *
 * @internal
 */
export async function sendChat(context: SessionContext, message: OutgoingMessage, options: SendOptions | undefined): Promise<SendResult> {
  const prepared = prepareMessage(parseInput(OutgoingMessageSchema, message, 'message'));
  const callOptions = parseSendOptions(options, 'send options');
  if (!contentFits(prepared.content)) {
    throw new ValidationError('message', [{ path: '', message: `content must be at most ${MAX_MESSAGE_CONTENT_BYTES} bytes as UTF-8` }]);
  }
  return sendControl(context, 'CHAT', prepared, callOptions);
}

/**
 * `READ`: tells AICC the user has read agent messages, by their `messageCode`s (sent as a JSON array).
 *
 * @internal
 */
export async function sendRead(
  context: SessionContext,
  messageCodes: readonly string[] | undefined,
  options: SendOptions | undefined,
): Promise<SendResult> {
  const codes = parseInput(MessageCodesSchema, messageCodes, 'markRead message codes');
  const callOptions = parseSendOptions(options, 'markRead options');
  return sendControl(
    context,
    'READ',
    { mediaType: 'TEXT', ...(codes === undefined ? {} : { content: JSON.stringify(codes) }) },
    callOptions,
  );
}
