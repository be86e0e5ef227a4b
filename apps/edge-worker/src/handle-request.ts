import { GATEWAY_CCMESSAGING_PREFIX, GATEWAY_TOKEN_PATH } from '@tokenwire/aicc-messaging';
import { systemClock, type Clock } from '@tokenwire/core';
import { gatewayApiMethod, handleGatewayCcmessaging } from './aicc/gateway-ccmessaging-route.js';
import { handleGatewayToken } from './aicc/gateway-token-route.js';
import type { Bindings, Configured } from './config/read-bindings.js';
import { workerConfig } from './config/worker-config.js';
import type { OutboundFetch, WorkerContext, WorkerEnv } from './env.js';
import { handleHealth } from './health-route.js';
import { preflightResponse, withCors } from './http/cors.js';
import { errorResponse, logMisconfiguration, misconfiguredResponse } from './http/error-response.js';
import { callbackFailure } from './tencent/callback-failure.js';
import { CALLBACK_TOLERANCE_SECONDS, handleCallback } from './tencent/callback-route.js';
import { ReplayGuard } from './tencent/replay-guard.js';
import { handleUserSig } from './tencent/usersig-route.js';

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
  /** Memory of accepted callbacks. Default: one per worker instance (that is, per isolate). */
  readonly replayGuard?: ReplayGuard;
}

/** A worker: the `fetch` handler of a Cloudflare module worker, also served by the Deno and Bun entry points. */
export interface EdgeWorker {
  fetch(request: Request, env: WorkerEnv, ctx: WorkerContext): Promise<Response>;
}

type BrowserRoute = { readonly methods: readonly string[]; run(config: ReturnType<typeof workerConfig>): Promise<Response> };

function internalError(route: string, error: unknown): void {
  const name = error instanceof Error ? error.name : typeof error;
  const message = error instanceof Error ? error.message.slice(0, 300) : '';
  console.error(JSON.stringify({ worker: 'tokenwire-edge', event: 'internal_error', route, name, message }));
}

/**
 * Creates the worker. Routes: `GET /healthz`, `POST /tencent/callback`, `POST /tencent/usersig`, `POST /aicc/token`
 * and `/aicc/ccmessaging/{api}`; CORS (preflight and response headers) on the three browser routes for
 * `ALLOWED_ORIGINS`; 404 JSON for anything else. Each route reads only the bindings it needs and answers 500
 * `misconfigured` when they are incomplete (the log line names the bindings; the answer does not).
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
  const replayGuard = dependencies.replayGuard ?? new ReplayGuard({ toleranceSeconds: CALLBACK_TOLERANCE_SECONDS });

  function browserRoute(request: Request, path: string, ctx: WorkerContext): BrowserRoute | undefined {
    const relay = { fetch, now, ctx };
    if (path === ROUTES.userSig) {
      return { methods: ['POST'], run: (config) => configuredOr(path, config.userSig, (userSig) => handleUserSig(request, userSig, now)) };
    }
    if (path === ROUTES.aiccToken) {
      return { methods: ['POST'], run: (config) => configuredOr(path, config.aicc, (aicc) => handleGatewayToken(request, aicc, relay)) };
    }
    if (path.startsWith(ROUTES.aiccCcmessagingPrefix)) {
      const api = path.slice(ROUTES.aiccCcmessagingPrefix.length);
      const method = gatewayApiMethod(api);
      return {
        methods: method === undefined ? [] : [method],
        run: (config) => configuredOr(path, config.aicc, (aicc) => handleGatewayCcmessaging(request, api, aicc, relay)),
      };
    }
    return undefined;
  }

  async function configuredOr<T>(route: string, section: Configured<T>, run: (value: T) => Promise<Response>): Promise<Response> {
    if (!section.ok) return misconfiguredResponse(route, section.problems);
    try {
      return await run(section.value);
    } catch (error) {
      internalError(route, error);
      return errorResponse(500, 'internal_error', 'The worker failed to handle the request');
    }
  }

  return {
    async fetch(request, env, ctx) {
      const config = workerConfig(env as unknown as Bindings);
      const path = new URL(request.url).pathname;

      if (path === ROUTES.health) return handleHealth(request, config);

      if (path === ROUTES.tencentCallback) {
        const section = config.callback;
        if (!section.ok) {
          logMisconfiguration(path, section.problems);
          return callbackFailure(500, 'misconfigured');
        }
        try {
          return await handleCallback(request, section.value, { ctx, fetch, now, replayGuard });
        } catch (error) {
          internalError(path, error);
          return callbackFailure(500, 'the receiver failed to handle the callback');
        }
      }

      const route = browserRoute(request, path, ctx);
      if (route === undefined) return errorResponse(404, 'not_found', 'No such route');
      const cors = config.cors;
      if (!cors.ok) return misconfiguredResponse(path, cors.problems);
      if (request.method === 'OPTIONS' && request.headers.has('access-control-request-method')) {
        if (route.methods.length === 0) return withCors(cors.value, request, errorResponse(404, 'not_found', 'No such API'));
        return preflightResponse(cors.value, request, route.methods);
      }
      return withCors(cors.value, request, await route.run(config));
    },
  };
}
