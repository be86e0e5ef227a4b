import { ValidationError } from '@tokenwire/core';
import { randomUint32 } from '@tokenwire/core/internal';
import type { EmulatedService, ServiceDependencies } from '../service.js';
import { createAiccContext, type AiccContext } from './aicc-context.js';
import type { AiccDialect } from './aicc-dialect.js';
import { FABRIC_ERROR_CODES, fabricErrorResponse, jsonResponse, type HandlerResult } from './aicc-responses.js';
import { resolveAiccServiceOptions, type AiccServiceOptions, type ResolvedAiccServiceOptions } from './aicc-service-options.js';
import { snapshotAiccState, type AiccState, type MessageTokenRecord } from './aicc-state.js';
import { queryHistory } from './chat-history.js';
import type { DownlinkControlType, DownlinkMediaType, DownlinkMessage, DownlinkSourceType } from './chat-message.js';
import { closeSession, deliverToUser, joinAgent } from './chat-session.js';
import { downloadFileStream } from './download-file-stream.js';
import { authenticateAccessToken, handleTokenByAkSk } from './fabric-token.js';
import { leaveMessage } from './leave-message.js';
import { applyToken, authenticateMessageToken, MESSAGE_TOKEN_HEADER } from './message-token.js';
import { queryPhrases } from './phrase-search.js';
import { pollMessages } from './poll-messages.js';
import { queryQueueInfo } from './queue-info.js';
import { readJsonBody } from './read-json-body.js';
import { robotFeedback } from './robot-feedback.js';
import { saveSatisfaction } from './save-satisfaction.js';
import { sendMessage } from './send-message.js';
import { getSurveyMode } from './survey-mode.js';
import { uploadFileStream } from './upload-file-stream.js';

/** The path prefix of every CC-Messaging web client API. */
export const CCMESSAGING_PATH_PREFIX = '/apiaccess/ccmessaging/';

/**
 * How long an expired token still counts as a secret to scrub from the log: long enough for a client's late retry
 * with it, short enough that the list stays bounded by the tokens of the last hours.
 */
const EXPIRED_TOKEN_SECRET_RETENTION_MS = 60 * 60 * 1000;

/** A message a test makes the agent (or robot, or system) send to a user with {@link AiccService.pushMessage}. */
export interface AiccPushMessage {
  readonly content: string;
  /** Defaults to `AGENT`. */
  readonly sourceType?: DownlinkSourceType;
  /** Defaults to `TEXT`. */
  readonly mediaType?: DownlinkMediaType;
  /** Defaults to `CHAT`. */
  readonly controlType?: DownlinkControlType;
  /** Defaults to the agent's, robot's or system's nickname. */
  readonly senderNickname?: string;
}

/**
 * The emulated Huawei AICC: API Fabric `tokenByAkSk` and the `/apiaccess/ccmessaging/*` web client API, with a
 * scripted robot and an optional agent. `handle` answers requests under `/apigovernance/` and `/apiaccess/` (and
 * the configured token path) and returns `undefined` for anything else.
 */
export interface AiccService extends EmulatedService {
  /** The configuration with defaults applied. */
  readonly options: ResolvedAiccServiceOptions;
  /**
   * A fresh deep copy, on every read, of everything the service holds (tokens, sessions, messages, uploads,
   * ratings, counters), for assertions. Changing it changes nothing in the service.
   */
  readonly state: AiccState;
  /** Makes every issued AccessToken expire now: the next ccmessaging call with one gets 403. */
  expireAccessTokens(): void;
  /**
   * Makes every issued `ccmessaging-token` expire now: the next chat call with one gets 401 (a long poll 403 when
   * `pollTokenRejectionStatus` is 403, as in the `developer-guide` dialect).
   */
  expireMessageTokens(): void;
  /**
   * Makes every AccessToken and every `ccmessaging-token` expire now — a client that slept past both lifetimes. Its
   * next long poll gets 403 (API Fabric); after a new AccessToken, 401 in the `api-reference` dialect and 403 again
   * in the `developer-guide` one (cec_05_1010: renew both tokens).
   */
  expireAllTokens(): void;
  /**
   * Delivers a message to a user who has connected at least once (the message belongs to their latest session),
   * waking their long polls — e.g. an agent writing first.
   *
   * @throws {@link @tokenwire/core!ValidationError | ValidationError} when the user never connected.
   */
  pushMessage(userId: string, message: AiccPushMessage): DownlinkMessage;
  /** Makes the agent take the user's queued session now. Returns `false` when the user is not queued. */
  joinAgent(userId: string): boolean;
  /**
   * Ends the user's open session from the service side (agent hang-up, timeout): the user gets a final message with
   * `isOfflineStatus: true`. Returns `false` when the user has no open session.
   */
  endSession(userId: string, content?: string): boolean;
  /** Cancels the robot's and agent's pending actions and answers every waiting poll with no messages. */
  close(): void;
}

type ChatRouteRunner = (
  context: AiccContext,
  token: MessageTokenRecord,
  body: Record<string, unknown>,
  request: Request,
  url: URL,
) => HandlerResult | Promise<HandlerResult>;

/** A ccmessaging API: its HTTP method, what body it takes and whether it needs a `ccmessaging-token`. */
type Route = {
  readonly method: 'GET' | 'POST';
  /** `required`: a JSON object body; `optional`: a JSON object or nothing; `none`: the body is ignored. */
  readonly body: 'required' | 'optional' | 'none';
} & (
  | { readonly needsMessageToken: false; readonly run: (context: AiccContext, body: Record<string, unknown>) => HandlerResult }
  | { readonly needsMessageToken: true; readonly run: ChatRouteRunner }
);

const ROUTES: Readonly<Record<string, Route>> = {
  applyToken: { method: 'POST', needsMessageToken: false, body: 'required', run: applyToken },
  send: {
    method: 'POST',
    needsMessageToken: true,
    body: 'required',
    run: (context, token, body) => sendMessage(context, token, body, 'sync'),
  },
  sendAsync: {
    method: 'POST',
    needsMessageToken: true,
    body: 'required',
    run: (context, token, body) => sendMessage(context, token, body, 'async'),
  },
  poll: {
    method: 'GET',
    needsMessageToken: true,
    body: 'none',
    run: (context, token, _body, request, url) => pollMessages(context, token, url, request.signal),
  },
  queryQueueInfo: { method: 'POST', needsMessageToken: true, body: 'required', run: queryQueueInfo },
  queryHistoryChatMessage: { method: 'POST', needsMessageToken: true, body: 'required', run: queryHistory },
  doLeaveMessage: { method: 'POST', needsMessageToken: true, body: 'required', run: leaveMessage },
  uploadFileStream: { method: 'POST', needsMessageToken: true, body: 'required', run: uploadFileStream },
  downloadFileStream: {
    method: 'POST',
    needsMessageToken: true,
    body: 'required',
    run: (context, _token, body) => downloadFileStream(context, body),
  },
  queryPhraseByKeyword: { method: 'POST', needsMessageToken: true, body: 'required', run: (_context, _token, body) => queryPhrases(body) },
  getsatisfactionsurveymode: {
    method: 'POST',
    needsMessageToken: true,
    body: 'optional',
    run: (_context, token, body) => getSurveyMode(token, body),
  },
  saveSatisfaction: { method: 'POST', needsMessageToken: true, body: 'required', run: saveSatisfaction },
  'v1/robot/feedbacksatisfaction': { method: 'POST', needsMessageToken: true, body: 'required', run: robotFeedback },
};

/**
 * Creates the emulated AICC service. Behaviour, in the order checks happen:
 *
 * - `POST {fabricTokenPath}` issues AccessTokens (see `handleTokenByAkSk`): `X-Token-Expire` defaults to 600 s and
 *   is clamped to 3600; a malformed value → 400.
 * - Other paths under `/apigovernance/` or `/apiaccess/` that are not a ccmessaging API → 404; the wrong HTTP method
 *   for an API → 405 with `Allow` (both in the Fabric `{ errorCode, exceptionInfo }` shape). Paths are
 *   case-sensitive (`getsatisfactionsurveymode` is lower-case).
 * - Missing, unknown or expired AccessToken, or `x-app-key` not its app key → 403.
 * - Every API but `applyToken`: missing, unknown or expired `ccmessaging-token` → 401 (a long poll: 403 when
 *   `pollTokenRejectionStatus` is 403, the `developer-guide` dialect's default); near expiry the response
 *   carries a fresh token in the `ccmessaging-token` header.
 * - A body that is not a JSON object → 400 `{ resultCode: '1', resultDesc }`.
 * - Business outcomes are HTTP 200 with `resultCode` — `returnCode` for uploads in the `api-reference` dialect
 *   and for `saveSatisfaction` in the `developer-guide` one, whose `applyToken` answers a bare `{ token }` (see
 *   {@link AiccDialect}).
 *
 * @example
 * ```ts
 * const aicc = createAiccService({ appKey: 'k', appSecret: 's', channels: ['channel-1'], pollHoldMs: 100 }, { now: Date.now });
 * const response = await aicc.handle(new Request('https://aicc.test/apigovernance/api/oauth/tokenByAkSk', {
 *   method: 'POST', body: JSON.stringify({ app_key: 'k', app_secret: 's' }),
 * }));
 * ```
 */
export function createAiccService(options: AiccServiceOptions, dependencies: ServiceDependencies): AiccService {
  return createAiccServiceFrom(resolveAiccServiceOptions(options), dependencies);
}

/** {@link createAiccService} for options its schema accepted already (the emulator's options schema checks them). */
export function createAiccServiceFrom(resolved: ResolvedAiccServiceOptions, dependencies: ServiceDependencies): AiccService {
  const context = createAiccContext(resolved, dependencies.now, dependencies.random ?? randomUint32);
  const { state } = context;

  const countRequest = (path: string): void => {
    state.requestsByPath.set(path, (state.requestsByPath.get(path) ?? 0) + 1);
  };

  async function handleCcmessaging(request: Request, url: URL, apiName: string, route: Route): Promise<Response> {
    const rejected = authenticateAccessToken(context, request);
    if (rejected !== undefined) return rejected;
    if (!route.needsMessageToken) {
      const read = await readJsonBody(request);
      if (!read.ok) return jsonResponse(400, { resultCode: '1', resultDesc: read.reason });
      const result = route.run(context, read.value);
      return jsonResponse(result.status ?? 200, result.body);
    }
    const check = authenticateMessageToken(context, request, apiName);
    if (!check.ok) return check.response;
    const headers: Record<string, string> = check.rotated === undefined ? {} : { [MESSAGE_TOKEN_HEADER]: check.rotated.token };
    let body: Record<string, unknown> = {};
    if (route.body !== 'none') {
      const read = await readJsonBody(request, route.body === 'optional');
      if (!read.ok) return jsonResponse(400, { resultCode: '1', resultDesc: read.reason }, headers);
      body = read.value;
    }
    const result = await route.run(context, check.token, body, request, url);
    return jsonResponse(result.status ?? 200, result.body, headers);
  }

  function expireAccessTokens(): void {
    const now = context.now();
    for (const record of state.accessTokens.values()) record.expiresAt = Math.min(record.expiresAt, now);
  }

  function expireMessageTokens(): void {
    const now = context.now();
    for (const record of state.messageTokens.values()) record.expiresAt = Math.min(record.expiresAt, now);
  }

  return {
    options: resolved,
    get state() {
      return snapshotAiccState(state);
    },
    secrets() {
      const since = context.now() - EXPIRED_TOKEN_SECRET_RETENTION_MS;
      const secrets = [resolved.appSecret];
      for (const record of state.accessTokens.values()) if (record.expiresAt > since) secrets.push(record.accessToken);
      for (const record of state.messageTokens.values()) if (record.expiresAt > since) secrets.push(record.token);
      return secrets;
    },
    async handle(request) {
      const url = new URL(request.url);
      const path = url.pathname;
      if (path === resolved.fabricTokenPath) {
        countRequest(path);
        if (request.method !== 'POST') return methodNotAllowed('POST');
        return handleTokenByAkSk(context, request);
      }
      if (!path.startsWith('/apigovernance/') && !path.startsWith('/apiaccess/')) return undefined;
      countRequest(path);
      const apiName = path.startsWith(CCMESSAGING_PATH_PREFIX) ? path.slice(CCMESSAGING_PATH_PREFIX.length) : '';
      const route = Object.hasOwn(ROUTES, apiName) ? ROUTES[apiName] : undefined;
      if (route === undefined) {
        return fabricErrorResponse(404, FABRIC_ERROR_CODES.notFound, `no such API: ${path}`);
      }
      if (request.method !== route.method) return methodNotAllowed(route.method);
      return handleCcmessaging(request, url, apiName, route);
    },
    expireAccessTokens,
    expireMessageTokens,
    expireAllTokens() {
      expireAccessTokens();
      expireMessageTokens();
    },
    pushMessage(userId, message) {
      const session = state.sessions.get(userId);
      if (session === undefined) {
        throw new ValidationError('pushMessage arguments', [
          { path: 'userId', message: 'the user has never connected (send CONNECT first)' },
        ]);
      }
      return deliverToUser(context, session, {
        content: message.content,
        sourceType: message.sourceType ?? 'AGENT',
        ...(message.mediaType === undefined ? {} : { mediaType: message.mediaType }),
        ...(message.controlType === undefined ? {} : { controlType: message.controlType }),
        ...(message.senderNickname === undefined ? {} : { senderNickname: message.senderNickname }),
      });
    },
    joinAgent(userId) {
      const session = state.sessions.get(userId);
      return session !== undefined && joinAgent(context, session);
    },
    endSession(userId, content) {
      const session = state.sessions.get(userId);
      if (session === undefined || session.status === 'closed') return false;
      closeSession(context, session, content);
      return true;
    },
    close() {
      context.scheduler.cancelAll();
      context.hub.releaseAll();
    },
  };
}

function methodNotAllowed(allowed: string): Response {
  return fabricErrorResponse(405, FABRIC_ERROR_CODES.methodNotAllowed, `method not allowed; use ${allowed}.`, { allow: allowed });
}
