import type { WorkerConfig } from './config/worker-config.js';
import { methodNotAllowed } from './http/error-response.js';
import { jsonResponse } from './http/json-response.js';

/**
 * `GET /healthz`: 200 `{ "status": "ok", "routes": { "tencentCallback", "userSig", "aiccGateway", "cors" } }`, each
 * `true` when its bindings are complete and valid. It reveals which routes are configured, never a value.
 */
export function handleHealth(request: Request, config: WorkerConfig): Response {
  if (request.method !== 'GET' && request.method !== 'HEAD') return methodNotAllowed(['GET', 'HEAD']);
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
