import type { WorkerConfig } from './config/worker-config.js';
import { jsonResponse } from './http/json-response.js';

/**
 * `GET /healthz` (and `HEAD`): 200 `{ "status": "ok", "routes": { "tencentCallback", "userSig", "aiccGateway", "cors" } }`, each
 * `true` when its bindings are complete and valid. It reveals which routes are configured, never a value.
 */
export function handleHealth(config: WorkerConfig): Response {
  return jsonResponse(200, {
    status: 'ok',
    routes: {
      tencentCallback: config.callback.ok,
      userSig: config.userSig.ok,
      aiccGateway: config.aicc.ok,
      cors: config.cors.ok,
    },
  });
}
