import { systemClock } from '@tokenwire/core';
import { parseInput } from '@tokenwire/core/internal';
import { GATEWAY_CCMESSAGING_PREFIX, GATEWAY_MAX_BODY_BYTES, GATEWAY_TOKEN_PATH } from '../gateway/gateway-contract.js';
import { createAiccAccessTokenSource } from './aicc-access-token-source.js';
import { type AiccGatewayHandlerOptions, AiccGatewayHandlerOptionsSchema } from './aicc-gateway-handler-options.js';
import { answerUnread, type BodyBounds, boundBody } from '@tokenwire/core/internal';
import { GATEWAY_BODY_DEADLINE_MS, gatewayApiMethod, gatewayBodyBounds, handleGatewayCcmessaging } from './ccmessaging-route.js';
import { preflightAnswer, withCors } from './gateway-cors.js';
import { errorResponse, methodNotAllowed } from './gateway-error-response.js';
import type { AiccGatewayLogEntry } from './gateway-log-entry.js';
import { gatewayBodyRefusal } from './read-request-text.js';
import type { RelayDependencies } from './relay-to-aicc.js';
import { UPLOAD_RELAY_TIMEOUT_MS } from './relay-to-aicc.js';
import { handleGatewayToken } from './token-route.js';
import { createUploadSlots } from './upload-slots.js';

/** What a runtime may hand a fetch handler besides the request (Cloudflare's and Hono's `ExecutionContext`). */
export interface AiccGatewayExecutionContext {
  /** Keeps the isolate alive until `promise` settles (a shared AccessToken refresh outlives its request). */
  waitUntil(promise: Promise<unknown>): void;
}

/**
 * The gateway as a `fetch` handler: `(request) => Promise<Response>`, also callable as a Cloudflare module worker's
 * or Hono's `(request, env, ctx)` (then `ctx.waitUntil` keeps a shared AccessToken refresh alive). It never throws.
 */
export type AiccGatewayHandler = (request: Request, env?: unknown, context?: AiccGatewayExecutionContext) => Promise<Response>;

const TOKEN_BOUNDS: BodyBounds = { maxBytes: GATEWAY_MAX_BODY_BYTES, deadlineMs: GATEWAY_BODY_DEADLINE_MS };

const defaultLog = (entry: AiccGatewayLogEntry): void => console.error(JSON.stringify(entry));

/**
 * The methods `path` takes: `undefined` for a path outside the gateway, none for an API not on the allow-list.
 * `api` is the CC-Messaging API the path relays.
 */
function routeOf(path: string): { readonly api: string; readonly methods: readonly ('GET' | 'POST')[] } | undefined {
  if (path === GATEWAY_TOKEN_PATH) return { api: 'applyToken', methods: ['POST'] };
  if (!path.startsWith(GATEWAY_CCMESSAGING_PREFIX)) return undefined;
  const api = path.slice(GATEWAY_CCMESSAGING_PREFIX.length);
  const method = gatewayApiMethod(api);
  return { api, methods: method === undefined ? [] : [method] };
}

/**
 * Creates the server side of `createAiccGatewayClient`: a `fetch` handler implementing this package's "Gateway
 * contract" (README) — `POST /aicc/token` and `/aicc/ccmessaging/{api}` for the allow-listed APIs, relayed to AICC
 * with the API Fabric credentials added server-side. Mount it in a Cloudflare Worker, `Deno.serve`, `Bun.serve` or
 * a Hono app (`app.mount('/support', handler)`); it uses web-standard APIs only.
 *
 * For each request: CORS for `allowedOrigins` (preflights answered here); 404 / 405 outside the routes and methods;
 * `authenticate(request)` before any body is read (401 `unauthorized` without detail when it returns `undefined`);
 * the body bounded in size and time (16 KiB within 10 s; `uploadFileStream` 14 MiB, streamed, within 60 s; 413 /
 * 408, the rest discarded briefly, then `connection: close`); every identity field — `userId`, `from`, `callId`,
 * `receiverId` in any spelling, in the query and at the top level of the body — must be the user's id (403
 * `forbidden`), `channelId` one of `channels`; JSON bodies relayed re-serialised (what was checked is what AICC
 * gets), uploads checked chunk by chunk as they stream, at most `maxUploadsPerUser` / `maxUploads` at once (429
 * `too_many_uploads` / 503 `gateway_busy`). Upstream: exactly `Authorization: Bearer <AccessToken>`, `x-app-key`,
 * `content-type` and the browser's `ccmessaging-token`; AICC's status, body, `content-type`, rotated
 * `ccmessaging-token` and `retry-after` come back, read whole within the deadline (poll 15 s, uploads 60 s, else
 * 10 s: 504 `upstream_timeout`; unreachable → 502 `upstream_unavailable`). The AccessToken is cached per handler
 * (or comes from `accessTokens`), one refresh at a time; a 403 from AICC refreshes it and replays the call once, at
 * most once per 30 s. The gateway's own answers carry `x-aicc-gateway-error`. Secrets never appear in an answer or
 * a log line.
 *
 * Create it once (per isolate on Workers), not per request: the AccessToken cache (unless `accessTokens` is given)
 * and the upload limits live in it.
 *
 * @throws {@link @tokenwire/core!ValidationError | ValidationError} at creation when an option is invalid (values
 *   are never quoted).
 * @example
 * ```ts
 * import { createAiccGatewayHandler } from '@tokenwire/aicc-messaging/gateway';
 *
 * const gateway = createAiccGatewayHandler({
 *   baseUrl: 'https://service.besclouds.com',
 *   appKey: env.AICC_APP_KEY,
 *   appSecret: env.AICC_APP_SECRET,
 *   authenticate: async (request) => {
 *     const user = await verifyMySession(request.headers.get('authorization'));
 *     return user === undefined ? undefined : { userId: user.id };
 *   },
 *   allowedOrigins: ['https://app.example.com'],
 *   channels: ['web-channel-1'],
 * });
 * Deno.serve(gateway);
 * ```
 */
export function createAiccGatewayHandler(options: AiccGatewayHandlerOptions): AiccGatewayHandler {
  const parsed = parseInput(AiccGatewayHandlerOptionsSchema, options, 'AICC gateway options');
  const fetch = parsed.fetch ?? ((request: Request) => globalThis.fetch(request));
  const now = parsed.now ?? systemClock;
  const log = parsed.log ?? defaultLog;
  const { authenticate, allowedOrigins, channels } = parsed;
  const accessTokens =
    parsed.accessTokens ??
    createAiccAccessTokenSource({
      baseUrl: parsed.baseUrl,
      appKey: parsed.appKey,
      appSecret: parsed.appSecret,
      fabricTokenPath: parsed.fabricTokenPath,
      accessTokenTtlSeconds: parsed.accessTokenTtlSeconds,
      fetch,
      now,
    });
  const uploads = createUploadSlots({
    perUser: parsed.maxUploadsPerUser,
    perIsolate: parsed.maxUploads,
    holdMs: UPLOAD_RELAY_TIMEOUT_MS + 5000,
    now,
  });

  const relay = async (request: Request, url: URL, context: AiccGatewayExecutionContext | undefined): Promise<Response> => {
    const route = routeOf(url.pathname);
    if (route === undefined) return errorResponse(404, 'not_found', 'No such route');
    const method = route.methods[0];
    if (method === undefined)
      return errorResponse(404, 'not_found', `The gateway does not relay ${JSON.stringify(route.api.slice(0, 64))}`);
    if (request.method !== method) return methodNotAllowed(route.methods);
    const user = await authenticate(request);
    if (user === undefined || typeof user.userId !== 'string' || user.userId === '')
      return errorResponse(401, 'unauthorized', 'A valid end-user credential is required', { 'www-authenticate': 'Bearer' });
    const bounds = route.api === 'applyToken' ? TOKEN_BOUNDS : gatewayBodyBounds(route.api);
    const body = boundBody(request, bounds);
    if (Number(request.headers.get('content-length')) > bounds.maxBytes) return answerUnread(body, gatewayBodyRefusal('too_large', bounds));
    const dependencies: RelayDependencies = {
      baseUrl: parsed.baseUrl,
      appKey: parsed.appKey,
      appSecret: parsed.appSecret,
      fetch,
      accessTokens,
      waitUntil: typeof context?.waitUntil === 'function' ? (promise) => context.waitUntil(promise) : undefined,
      log,
    };
    const call = { request, url, api: route.api, method, userId: user.userId, body, bounds };
    return route.api === 'applyToken'
      ? handleGatewayToken(call, channels, dependencies)
      : handleGatewayCcmessaging(call, dependencies, uploads);
  };

  return async (request, _env, context) => {
    const url = new URL(request.url);
    try {
      const route = routeOf(url.pathname);
      if (request.method === 'OPTIONS' && route !== undefined) return preflightAnswer(allowedOrigins, request, route.methods);
      const response = await relay(request, url, context);
      return route === undefined ? response : withCors(allowedOrigins, request, response);
    } catch (error) {
      log({ event: 'internal_error', route: url.pathname.slice(0, 128), name: error instanceof Error ? error.name : typeof error });
      return withCors(allowedOrigins, request, errorResponse(500, 'internal_error', 'The gateway failed to handle the request'));
    }
  };
}
