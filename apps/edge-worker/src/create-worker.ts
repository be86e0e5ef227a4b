import { GATEWAY_CCMESSAGING_PREFIX, GATEWAY_TOKEN_PATH } from '@tokenwire/aicc-messaging';
import { type Clock, systemClock } from '@tokenwire/core';
import { Hono } from 'hono/tiny';
import { aiccGatewayRoute } from './aicc/aicc-gateway-route.js';
import { authenticateUser } from './auth/authenticate-user.js';
import { requireSection } from './config/require-section.js';
import { workerConfig } from './config/worker-config.js';
import type { OutboundFetch } from './env.js';
import { handleHealth } from './health-route.js';
import { browserCors } from './http/browser-cors.js';
import { errorResponse, logMisconfiguration, methodNotAllowed, misconfiguredResponse } from './http/error-response.js';
import { limitBody } from './http/limit-body.js';
import { callbackFailure } from './tencent/callback-failure.js';
import { CALLBACK_BODY_DEADLINE_MS, callbackBodyTooLarge, handleCallback, MAX_CALLBACK_BODY_BYTES } from './tencent/callback-route.js';
import { MemoryReplayGuard } from './tencent/memory-replay-guard.js';
import type { ReplayGuard } from './tencent/replay-guard.js';
import { handleUserSig } from './tencent/user-sig-route.js';
import type { WorkerHonoEnv } from './worker-hono-env.js';

/** The paths the worker serves. */
export const ROUTES = {
  health: '/healthz',
  tencentCallback: '/tencent/callback',
  userSig: '/tencent/usersig',
  aiccToken: GATEWAY_TOKEN_PATH,
  aiccCcmessagingPrefix: GATEWAY_CCMESSAGING_PREFIX,
} as const;

/** What can be injected into {@link createWorker} (tests, other runtimes). */
export interface WorkerDependencies {
  /** Outbound fetch (forward targets, AICC). Default: the global `fetch`, looked up at each call. */
  readonly fetch?: OutboundFetch;
  /** Clock in ms since the epoch. Default `Date.now`. */
  readonly now?: Clock;
  /**
   * Memory of processed callbacks (a delivered event is not delivered again; a repeat gets the first answer).
   * Default: a {@link MemoryReplayGuard} per worker instance (that is, per isolate).
   */
  readonly replayGuard?: ReplayGuard;
}

/**
 * The worker: a Hono app, whose `fetch(request, env, ctx)` is the handler of a Cloudflare module worker and what
 * the Deno and Bun entry points serve.
 */
export type EdgeWorker = Hono<WorkerHonoEnv>;

function logInternalError(route: string, error: unknown): void {
  const name = error instanceof Error ? error.name : typeof error;
  const message = error instanceof Error ? error.message.slice(0, 300) : '';
  console.error(JSON.stringify({ worker: 'tokenwire-edge', event: 'internal_error', route, name, message }));
}

/** The callback route's own misconfiguration answer: Tencent-shaped, logged like the others. */
function callbackMisconfigured(route: string, problems: readonly string[]): Response {
  logMisconfiguration(route, problems);
  return callbackFailure(500, 'misconfigured');
}

/**
 * Creates the worker, a Hono app. Routes: `GET /healthz`, `POST /tencent/callback`, `POST /tencent/usersig`,
 * `POST /aicc/token` and `/aicc/ccmessaging/{api}` (`createAiccGatewayHandler` of `@tokenwire/aicc-messaging/gateway`;
 * 405 with `Allow` for another method); CORS for `ALLOWED_ORIGINS` on the three browser routes; the end-user JWT (hono's `verify`) before any body is read; every
 * body bounded in size and time (`limitBody`), never buffered ahead; 404 JSON for anything else. Each route reads only the bindings it needs and
 * answers 500 `misconfigured` when they are incomplete (the log line names the bindings; the answer does not).
 *
 * @example
 * ```ts
 * // src/worker.ts
 * export default createWorker();
 * ```
 */
export function createWorker(dependencies: WorkerDependencies = {}): EdgeWorker {
  const fetch: OutboundFetch = dependencies.fetch ?? ((request) => globalThis.fetch(request));
  const now = dependencies.now ?? systemClock;
  const replayGuard = dependencies.replayGuard ?? new MemoryReplayGuard();

  const app = new Hono<WorkerHonoEnv>();
  app.use(async (c, next) => {
    c.set('config', workerConfig(c.env));
    await next();
  });
  app.notFound(() => errorResponse(404, 'not_found', 'No such route'));
  app.onError((error, c) => {
    logInternalError(c.req.path, error);
    return c.req.path === ROUTES.tencentCallback
      ? callbackFailure(500, 'the receiver failed to handle the callback')
      : errorResponse(500, 'internal_error', 'The worker failed to handle the request');
  });

  app.get(ROUTES.health, (c) => handleHealth(c.var.config));
  app.all(ROUTES.health, () => methodNotAllowed(['GET', 'HEAD']));

  app.post(
    ROUTES.tencentCallback,
    requireSection('callback', callbackMisconfigured),
    limitBody(() => ({ maxBytes: MAX_CALLBACK_BODY_BYTES, deadlineMs: CALLBACK_BODY_DEADLINE_MS }), callbackBodyTooLarge),
    (c) => handleCallback(c.var.body, c.var.callback, { ctx: c.executionCtx, fetch, now, replayGuard }),
  );
  app.all(ROUTES.tencentCallback, () => callbackFailure(405, 'use POST', { allow: 'POST' }));

  app.use(ROUTES.userSig, browserCors('POST'));
  app.post(
    ROUTES.userSig,
    requireSection('userSig', misconfiguredResponse),
    authenticateUser((c) => c.var.userSig.jwt, now),
    (c) => handleUserSig(c.var.user, c.var.userSig, now),
  );
  app.all(ROUTES.userSig, () => methodNotAllowed(['POST']));

  // The AICC gateway: @tokenwire/aicc-messaging's handler (routes, CORS, 404/405, JWT hook, limits, relay).
  app.all('/aicc/*', aiccGatewayRoute({ fetch, now }));
  return app;
}
