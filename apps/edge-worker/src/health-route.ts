import type { WorkerConfig } from './config/worker-config.js';
import { jsonResponse } from './http/json-response.js';
import { NO_EVENT_SINK } from './tencent/deliver-event.js';

/** Why a route whose bindings are incomplete is not ready (which bindings, the worker logs when the route is called). */
const MISCONFIGURED = 'misconfigured: a request to the route logs which bindings to fix';

/** The routes `GET /healthz` reports on. */
type HealthRoute = 'tencentCallback' | 'userSig' | 'aiccGateway' | 'cors';

/**
 * `GET /healthz` (and `HEAD`): 200 `{ "status": "ok", "routes": { "tencentCallback", "userSig", "aiccGateway",
 * "cors" }, "replayGuard", "aiccAccessToken" }`, each route `true` when it is ready, and for each route that is not,
 * `"notReady": { route: why }`; `replayGuard` says which replay memory the callback route uses, `aiccAccessToken`
 * where the AICC gateway's API Fabric AccessToken is kept: `durable_object` (`REPLAY_GUARD`, `AICC_TOKEN` bound:
 * one for the app) or `memory` (per isolate).
 * The callback route is ready only when its bindings are complete **and** an event sink (`EVENTS` or `FORWARD_URL`)
 * is configured: without one every after-event is answered 503 (before-gift callbacks still work). The reasons
 * name at most a binding to add, never a value; for an invalid binding they point to the worker's log.
 */
export function handleHealth(config: WorkerConfig): Response {
  const callback = config.callback;
  const notReady: Partial<Record<HealthRoute, string>> = {};
  if (!callback.ok) notReady.tencentCallback = MISCONFIGURED;
  else if (callback.value.queue === undefined && callback.value.forwardUrl === undefined) notReady.tencentCallback = NO_EVENT_SINK;
  if (!config.userSig.ok) notReady.userSig = MISCONFIGURED;
  if (!config.aicc.ok) notReady.aiccGateway = MISCONFIGURED;
  if (!config.cors.ok) notReady.cors = MISCONFIGURED;
  const ready = (route: HealthRoute) => notReady[route] === undefined;
  return jsonResponse(200, {
    status: 'ok',
    routes: {
      tencentCallback: ready('tencentCallback'),
      userSig: ready('userSig'),
      aiccGateway: ready('aiccGateway'),
      cors: ready('cors'),
    },
    replayGuard: callback.ok && callback.value.replayGuard !== undefined ? 'durable_object' : 'memory',
    aiccAccessToken: config.aicc.ok && config.aicc.value.tokenStore !== undefined ? 'durable_object' : 'memory',
    ...(Object.keys(notReady).length === 0 ? {} : { notReady }),
  });
}
