import { ValidationError } from '@tokenwire/core';
import { functionSchema, numberIn, optionsObject, parseInput, TimeoutSchema } from '@tokenwire/core/internal';
import * as v from 'valibot';
import type { AiccClient } from '../client/aicc-client.js';
import type { CallOptions } from '../input/signal-options.js';
import type { DownlinkMessage } from '../messages/downlink-message.js';
import type { OutgoingMessage } from '../messages/outgoing-message.js';
import { AiccUserEntries, type AiccUser } from '../token/aicc-user.js';
import { applyToken } from '../token/apply-token.js';
import { queryHistory, type HistoryOptions, type HistoryPage } from './chat-history.js';
import { askQuestion } from './ask-question.js';
import { DEFAULT_MAX_DOWNLOAD_BYTES } from './download-file.js';
import { createEarlierSessionFilter } from './earlier-session-filter.js';
import { createMessageFeed } from './message-feed.js';
import { streamMessages, type MessageStreamOptions } from './message-stream.js';
import { createMessageTokenHolder, type MessageTokenChange } from './message-token-holder.js';
import { DEFAULT_POLL_TIMEOUT_MS, pollMessages, type PollOptions, type PollResult } from './poll-messages.js';
import { queryQueueInfo, type QueueInfo } from './queue-info.js';
import { saveSatisfaction, type SaveSatisfactionInput, type SaveSatisfactionResult } from './save-satisfaction.js';
import { parseSendOptions, sendChat, sendControl, sendRead, type SendOptions, type SendResult } from './send-message.js';
import { createSessionCall, type SessionContext, type SessionSettings } from './session-caller.js';
import { registerSession } from './session-registry.js';
import { DEFAULT_MAX_UPLOAD_BYTES } from './upload-file.js';

/** What {@link createAiccSession} takes: the end user, plus optional session settings. */
export interface AiccSessionOptions extends AiccUser {
  /** Per-attempt deadline of `poll`, in ms. Default {@link DEFAULT_POLL_TIMEOUT_MS} (20 s, well above AICC's 5 s hold). */
  readonly pollTimeoutMs?: number | undefined;
  /** Largest file `uploadFile` and `sendFile` send, in bytes. Default 10 MiB. */
  readonly maxUploadBytes?: number | undefined;
  /** Largest file `downloadFile` accepts, in bytes. Default 2 MiB (AICC's default). */
  readonly maxDownloadBytes?: number | undefined;
  /** Sent as `userAgent` with every message (e.g. `navigator.userAgent`). */
  readonly userAgent?: string | undefined;
  /** Sent as `senderAvatar` with every message: the user's avatar URL. */
  readonly senderAvatar?: string | undefined;
  /** Told whenever the session's `ccmessaging-token` changes — never the token itself. */
  readonly onTokenChange?: ((change: MessageTokenChange) => void) | undefined;
}

/**
 * One end user's chat on one web channel. It owns one `ccmessaging-token`: applied on the first call, re-applied
 * a minute before its hour is up, replaced by a rotated token AICC returns in the `ccmessaging-token` response
 * header, and re-applied once after a 401 — or after an API Fabric 403 that a fresh AccessToken did not cure, which
 * on a long poll means both tokens expired (devg-voip-cec cec_05_1010) — after which the failed call is replayed
 * once. Concurrent calls share that one `applyToken` and one AccessToken refresh.
 *
 * Every method validates its input before anything is sent ({@link @tokenwire/core!ValidationError | ValidationError});
 * business failures are {@link AiccApiError}s.
 *
 * The calls a chat makes are methods; the rarer ones are functions that take the session — {@link sendFile},
 * {@link uploadFile}, {@link downloadFile}, {@link leaveMessage}, {@link queryPhrases}, {@link querySurveyMode} and
 * {@link sendRobotFeedback} — so that a browser bundle carries only what it uses.
 */
export interface AiccSession {
  readonly user: AiccUser;
  /** When the session's token expires (client clock), or `undefined` before the first call. */
  readonly tokenExpiresAtMs: number | undefined;
  /** `CONNECT`: opens the chat (with the robot, or queued for an agent, as the channel is configured). */
  connect(options?: SendOptions): Promise<SendResult>;
  /**
   * `CHAT`: sends a text (at most 1 KB as UTF-8) or a typed message. Media and FILE messages carry the `objectKey`
   * of an uploaded file; a message with a `file` to upload is refused ({@link sendFile} uploads and sends it).
   *
   * @example
   * ```ts
   * await session.send('Where is my order?');
   * await session.send({ mediaType: 'IMAGE', objectKey, extension: 'png' }); // objectKey from uploadFile
   * ```
   */
  send(message: OutgoingMessage, options?: SendOptions): Promise<SendResult>;
  /** `send` through `sendAsync` (same function, lower latency). */
  sendAsync(message: OutgoingMessage, options?: CallOptions): Promise<SendResult>;
  /** `TRANS2AGENT`: asks to move from the robot to a human agent. */
  transferToAgent(options?: SendOptions): Promise<SendResult>;
  /** `INPUT`: tells the agent the user is typing. */
  typing(options?: SendOptions): Promise<SendResult>;
  /** `READ`: marks agent messages as read, by `messageCode`. */
  markRead(messageCodes?: readonly string[], options?: SendOptions): Promise<SendResult>;
  /**
   * `DISCONNECT`: ends the chat. Iterators from {@link AiccSession.messages} end after their current poll (which
   * usually brings AICC's final message with `isOfflineStatus`).
   */
  disconnect(options?: SendOptions): Promise<SendResult>;
  /**
   * One long poll: the messages waiting now, or none once AICC's hold (5 s by default) ran out. After this session's
   * `connect()`, what an earlier session of the user left queued (its final `DISCONNECT` included) is left out: see
   * the README's "Sessions".
   */
  poll(options?: PollOptions): Promise<PollResult>;
  /**
   * Every downlink message of this session, polling again at once after each answer. A failed poll (after its own
   * retries) is told to `onError` and repeated after a backoff (exponential, capped by the client's retry policy),
   * for as long as it takes unless `maxConsecutiveFailures` is set. Ends after a message with `isOfflineStatus` (the
   * rest of that batch is still yielded), after `disconnect()`, or quietly when `signal` aborts (`for await` just
   * stops); throws at once for failures polling again cannot cure: invalid options, authentication that still fails
   * after the re-apply (`FabricAuthError`, a refused `applyToken`, HTTP 4xx other than 408/429, a gateway's
   * `GatewayError` of such a status or `misconfigured`). Loops and {@link AiccSession.ask} running at the same time
   * share the session's polls: each sees every message.
   *
   * @example
   * ```ts
   * for await (const message of session.messages({ signal })) render(message);
   * ```
   */
  messages(options?: MessageStreamOptions): AsyncGenerator<DownlinkMessage, void, undefined>;
  /**
   * Sends a text (as {@link AiccSession.send}) and resolves with the answer to it: the first `CHAT` message from the
   * ROBOT or an AGENT that AICC produced after the text was sent (by its `timestamp`, compared with the client's
   * clock) — greetings, SYSTEM notices and control messages (CONNECT, READ, …) are skipped. It polls through the
   * session's shared polls, so a {@link AiccSession.messages} loop running at the same time still sees every message,
   * the answer included. `signal` bounds the whole wait (`AbortSignal.timeout(ms)`); the chat ending first
   * (`isOfflineStatus`) rejects it with a `TokenwireError`.
   *
   * @example
   * ```ts
   * const answer = await session.ask('Where is my order?', { signal: AbortSignal.timeout(30_000) });
   * console.log(answer.content);
   * ```
   */
  ask(text: string, options?: SendOptions): Promise<DownlinkMessage>;
  /** Where the session stands in the agent queue (after a transfer). */
  queueInfo(options?: CallOptions): Promise<QueueInfo>;
  /** A page of the user's chat history on this channel. */
  history(options?: HistoryOptions): Promise<HistoryPage>;
  /** Rates the agent session (the survey to show comes from {@link querySurveyMode}). */
  saveSatisfaction(input: SaveSatisfactionInput): Promise<SaveSatisfactionResult>;
}

const byteLimit = /* @__PURE__ */ (() =>
  v.optional(numberIn(1, Number.MAX_SAFE_INTEGER, 'must be a whole number of bytes, at least 1', true)))();

const AiccSessionOptionsSchema = /* @__PURE__ */ (() =>
  optionsObject(
    {
      ...AiccUserEntries,
      pollTimeoutMs: v.optional(TimeoutSchema),
      maxUploadBytes: byteLimit,
      maxDownloadBytes: byteLimit,
      userAgent: v.optional(v.string('must be a string')),
      senderAvatar: v.optional(v.string('must be a string')),
      onTokenChange: v.optional(functionSchema<NonNullable<AiccSessionOptions['onTokenChange']>>()),
    },
    'an object with userId, userName, channelId and locale',
  ))();

function isClient(value: unknown): value is AiccClient {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as AiccClient).request === 'function' &&
    typeof (value as AiccClient).now === 'function'
  );
}

/**
 * Creates a chat session for one end user on one web channel, over a direct client ({@link createAiccClient},
 * server side) or a gateway client ({@link createAiccGatewayClient}, browsers). Nothing is sent until the first
 * call; the options are validated at once.
 *
 * @throws {@link @tokenwire/core!ValidationError | ValidationError} for an invalid client, user or setting.
 * @example
 * ```ts
 * const session = createAiccSession(client, { userId: 'user-42', userName: 'Ada', channelId: 'web-channel-1', locale: 'en' });
 * await session.connect();
 * await session.send('I forgot my password');
 * for await (const message of session.messages({ signal })) console.log(message.sourceType, message.content);
 * ```
 */
export function createAiccSession(client: AiccClient, options: AiccSessionOptions): AiccSession {
  if (!isClient(client)) {
    throw new ValidationError('AICC session', [
      { path: 'client', message: 'must be a client from createAiccClient or createAiccGatewayClient' },
    ]);
  }
  const parsed = parseInput(AiccSessionOptionsSchema, options, 'AICC session options');
  const user: AiccUser = Object.freeze({
    userId: parsed.userId,
    userName: parsed.userName,
    channelId: parsed.channelId,
    locale: parsed.locale,
  });
  const settings: SessionSettings = {
    pollTimeoutMs: parsed.pollTimeoutMs ?? DEFAULT_POLL_TIMEOUT_MS,
    maxUploadBytes: parsed.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
    maxDownloadBytes: parsed.maxDownloadBytes ?? DEFAULT_MAX_DOWNLOAD_BYTES,
    userAgent: parsed.userAgent,
    senderAvatar: parsed.senderAvatar,
  };
  const tokens = createMessageTokenHolder(() => applyToken(client, user), client.now, options.onTokenChange);
  const context: SessionContext = { client, user, settings, call: createSessionCall(client, tokens) };
  /** Counts disconnects, so a stream ends after a disconnect that happened while it ran. */
  let disconnects = 0;
  const earlier = createEarlierSessionFilter();
  const feed = createMessageFeed(async (pollOptions) => {
    const result = await pollMessages(context, pollOptions);
    return { ...result, messages: earlier.keep(result.messages) };
  });

  const control = (controlType: 'TRANS2AGENT' | 'INPUT', subject: string) => async (sendOptions?: SendOptions) =>
    sendControl(context, controlType, { mediaType: 'TEXT' }, parseSendOptions(sendOptions, subject));

  const session: AiccSession = Object.freeze({
    user,
    get tokenExpiresAtMs() {
      return tokens.expiresAtMs;
    },
    async connect(sendOptions?: SendOptions) {
      const parsedOptions = parseSendOptions(sendOptions, 'connect options');
      earlier.connecting(client.now());
      return sendControl(context, 'CONNECT', { mediaType: 'TEXT' }, parsedOptions);
    },
    send: (message: OutgoingMessage, sendOptions?: SendOptions) => sendChat(context, message, sendOptions),
    sendAsync: async (message: OutgoingMessage, callOptions?: CallOptions) =>
      sendChat(context, message, { ...parseSendOptions(callOptions, 'sendAsync options'), async: true }),
    transferToAgent: control('TRANS2AGENT', 'transferToAgent options'),
    typing: control('INPUT', 'typing options'),
    markRead: (messageCodes?: readonly string[], sendOptions?: SendOptions) => sendRead(context, messageCodes, sendOptions),
    async disconnect(sendOptions?: SendOptions) {
      const result = await sendControl(context, 'DISCONNECT', { mediaType: 'TEXT' }, parseSendOptions(sendOptions, 'disconnect options'));
      disconnects += 1;
      return result;
    },
    poll: (pollOptions?: PollOptions) => feed.poll(pollOptions),
    messages(streamOptions?: MessageStreamOptions) {
      const startedAt = disconnects;
      return streamMessages(feed.reader, () => disconnects !== startedAt, client.retryPolicy, streamOptions);
    },
    ask: (text: string, sendOptions?: SendOptions) => askQuestion(context, feed, text, sendOptions),
    queueInfo: (callOptions?: CallOptions) => queryQueueInfo(context, callOptions),
    history: (historyOptions?: HistoryOptions) => queryHistory(context, historyOptions),
    saveSatisfaction: (input: SaveSatisfactionInput) => saveSatisfaction(context, input),
  });
  return registerSession(session, context);
}
