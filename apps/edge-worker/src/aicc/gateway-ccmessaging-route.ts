import {
  GATEWAY_CCMESSAGING_APIS,
  GATEWAY_MAX_BODY_BYTES,
  GATEWAY_MAX_UPLOAD_BODY_BYTES,
  MESSAGE_TOKEN_HEADER,
} from '@tokenwire/aicc-messaging';
import type { Context, MiddlewareHandler } from 'hono';
import { errorResponse, methodNotAllowed } from '../http/error-response.js';
import type { WorkerHonoEnv } from '../worker-hono-env.js';
import { foreignUserField } from './identity-pinning.js';
import { readJsonObject } from './read-json-object.js';
import { readRequestText } from './read-request-text.js';
import { relayToAicc, type RelayDependencies } from './relay-to-aicc.js';

/** The one API whose body may be large (a base64 file); it is relayed without being parsed. */
const UPLOAD_API = 'uploadFileStream';

/** The method the gateway accepts for `api`, or `undefined` when `api` is not on the allow-list. */
export function gatewayApiMethod(api: string): 'GET' | 'POST' | undefined {
  return Object.hasOwn(GATEWAY_CCMESSAGING_APIS, api) ? GATEWAY_CCMESSAGING_APIS[api as keyof typeof GATEWAY_CCMESSAGING_APIS] : undefined;
}

/** The largest body the gateway relays for `api`: `GATEWAY_MAX_UPLOAD_BODY_BYTES` for `uploadFileStream`, else `GATEWAY_MAX_BODY_BYTES`. */
export function gatewayBodyLimit(api: string): number {
  return api === UPLOAD_API ? GATEWAY_MAX_UPLOAD_BODY_BYTES : GATEWAY_MAX_BODY_BYTES;
}

/**
 * Middleware of `/aicc/ccmessaging/:api`: only the APIs of `GATEWAY_CCMESSAGING_APIS` (`applyToken` goes through
 * `/aicc/token`), each with its one method — an unknown API is 404 `not_found`, a wrong method 405 with `Allow`.
 */
export const gatewayApiAllowed: MiddlewareHandler<WorkerHonoEnv> = async (c, next) => {
  const api = c.req.param('api') ?? '';
  const method = gatewayApiMethod(api);
  if (method === undefined) return errorResponse(404, 'not_found', `The gateway does not relay ${JSON.stringify(api.slice(0, 64))}`);
  if (c.req.method !== method) return methodNotAllowed([method]);
  await next();
};

/**
 * `{GET|POST} /aicc/ccmessaging/{api}` — relayed to `/apiaccess/ccmessaging/{api}` with the query, for the end user
 * the JWT authenticated (`c.var.user`), once `gatewayApiAllowed` and the body limit ({@link gatewayBodyLimit}, 413
 * `payload_too_large`) passed. Every user field (`userId`, `from`, `callId`, `?receiverId`) must be the JWT's `sub`
 * → else 403 `forbidden`. The `ccmessaging-token` header goes to AICC and comes back.
 */
export async function handleGatewayCcmessaging(c: Context<WorkerHonoEnv>, dependencies: RelayDependencies): Promise<Response> {
  const api = c.req.param('api') ?? '';
  const method = gatewayApiMethod(api)!;
  const url = new URL(c.req.url);

  let body: string | undefined;
  let fields: Record<string, unknown> | undefined;
  if (method === 'POST') {
    const read = await readRequestText(c.req.raw);
    if (!read.ok) return errorResponse(400, 'invalid_body', read.message);
    body = read.text;
    if (api !== UPLOAD_API) {
      const parsed = readJsonObject(body);
      if (!parsed.ok) return errorResponse(400, 'invalid_body', parsed.message);
      fields = parsed.value;
    }
  }
  const foreign = foreignUserField(c.var.user.subject, fields, url.searchParams);
  if (foreign !== undefined) return errorResponse(403, 'forbidden', `${foreign} must be the authenticated user (the JWT subject)`);

  return relayToAicc(
    { api, method, search: url.search, body, messageToken: c.req.header(MESSAGE_TOKEN_HEADER), signal: c.var.clientSignal },
    c.var.aicc,
    dependencies,
  );
}
