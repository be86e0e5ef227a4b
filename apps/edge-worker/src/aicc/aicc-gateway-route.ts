import { type AiccGatewayHandler, createAiccGatewayHandler } from '@tokenwire/aicc-messaging/gateway';
import type { Clock } from '@tokenwire/core';
import type { Context } from 'hono';
import { verifyUserJwt } from '../auth/user-jwt.js';
import type { WorkerConfig } from '../config/worker-config.js';
import type { OutboundFetch } from '../env.js';
import { misconfiguredResponse } from '../http/error-response.js';
import { durableAccessTokenSource } from './durable-access-token-source.js';
import type { WorkerHonoEnv } from '../worker-hono-env.js';

const BEARER = /^Bearer[ ]+([^\s]+)[ ]*$/i;

/**
 * The worker's AICC gateway (`/aicc/token`, `/aicc/ccmessaging/*`): `createAiccGatewayHandler` of
 * `@tokenwire/aicc-messaging/gateway`, configured from the `aicc` and `cors` sections (`AICC_*`, `ALLOWED_ORIGINS`)
 * and authenticating users by the end-user JWT (`USER_JWT_*`: its `sub` is the AICC `userId`). One handler per
 * configuration — per isolate: its upload limits are the isolate's, and so is its AccessToken unless `AICC_TOKEN`
 * is bound (then the app's `AiccTokenObject` holds the one AccessToken of every isolate). Incomplete bindings →
 * 500 `misconfigured` (logged by name, never by value).
 */
export function aiccGatewayRoute(dependencies: {
  readonly fetch: OutboundFetch;
  readonly now: Clock;
}): (c: Context<WorkerHonoEnv>) => Promise<Response> {
  const handlers = new WeakMap<WorkerConfig, AiccGatewayHandler>();
  const handlerFor = (config: WorkerConfig): AiccGatewayHandler | readonly string[] => {
    const { aicc, cors } = config;
    if (!cors.ok) return cors.problems;
    if (!aicc.ok) return aicc.problems;
    let handler = handlers.get(config);
    if (handler === undefined) {
      const settings = aicc.value;
      handler = createAiccGatewayHandler({
        baseUrl: settings.baseUrl,
        appKey: settings.appKey,
        appSecret: settings.appSecret,
        fabricTokenPath: settings.fabricTokenPath,
        accessTokenTtlSeconds: settings.accessTokenTtlSeconds,
        channels: settings.channelIds,
        accessTokens: settings.tokenStore && durableAccessTokenSource(settings.tokenStore, dependencies.now),
        allowedOrigins: cors.value.anyOrigin ? ['*'] : [...cors.value.origins],
        authenticate: async (request) => {
          const token = BEARER.exec(request.headers.get('authorization') ?? '')?.[1];
          const result = await verifyUserJwt(token, settings.jwt, dependencies.now());
          return result.ok ? { userId: result.claims.subject } : undefined;
        },
        fetch: dependencies.fetch,
        now: dependencies.now,
        log: (entry) => console.error(JSON.stringify({ worker: 'tokenwire-edge', ...entry })),
      });
      handlers.set(config, handler);
    }
    return handler;
  };
  return (c) => {
    const handler = handlerFor(c.var.config);
    return typeof handler === 'function'
      ? handler(c.req.raw, c.env, c.executionCtx)
      : Promise.resolve(misconfiguredResponse(c.req.path, handler));
  };
}
