import {
  GATEWAY_CCMESSAGING_APIS,
  GATEWAY_MAX_BODY_BYTES,
  GATEWAY_MAX_UPLOAD_BODY_BYTES,
  MESSAGE_TOKEN_HEADER,
} from '@tokenwire/aicc-messaging';
import { authenticateUser } from '../auth/authenticate-user.js';
import type { AiccConfig } from '../config/aicc-config.js';
import { errorResponse, methodNotAllowed } from '../http/error-response.js';
import { readLimitedBody } from '../http/read-limited-body.js';
import { foreignUserField } from './identity-pinning.js';
import { readJsonObject } from './read-json-object.js';
import { relayToAicc, type RelayDependencies } from './relay-to-aicc.js';

/** The one API whose body may be large (a base64 file); it is relayed without being parsed. */
const UPLOAD_API = 'uploadFileStream';

/** The method the gateway accepts for `api`, or `undefined` when `api` is not on the allow-list. */
export function gatewayApiMethod(api: string): 'GET' | 'POST' | undefined {
  return Object.hasOwn(GATEWAY_CCMESSAGING_APIS, api) ? GATEWAY_CCMESSAGING_APIS[api as keyof typeof GATEWAY_CCMESSAGING_APIS] : undefined;
}

/**
 * `{GET|POST} /aicc/ccmessaging/{api}` — relayed to `/apiaccess/ccmessaging/{api}` with the query, for the APIs of
 * `GATEWAY_CCMESSAGING_APIS` only (`applyToken` goes through `/aicc/token`): an unknown API is 404 `not_found`, a
 * wrong method 405. Bodies are limited to `GATEWAY_MAX_BODY_BYTES` (`GATEWAY_MAX_UPLOAD_BODY_BYTES` for
 * `uploadFileStream`) → 413 `payload_too_large`. Every user field (`userId`, `from`, `callId`, `?receiverId`) must
 * be the JWT's `sub` → else 403 `forbidden`. The `ccmessaging-token` header goes to AICC and comes back.
 */
export async function handleGatewayCcmessaging(request: Request, api: string, config: AiccConfig, dependencies: RelayDependencies): Promise<Response> {
  const method = gatewayApiMethod(api);
  if (method === undefined) return errorResponse(404, 'not_found', `The gateway does not relay ${JSON.stringify(api.slice(0, 64))}`);
  if (request.method !== method) return methodNotAllowed([method]);
  const authentication = await authenticateUser(request, config.jwt, dependencies.now());
  if (!authentication.ok) return authentication.response;
  const subject = authentication.claims.subject;
  const url = new URL(request.url);

  let body: Uint8Array<ArrayBuffer> | undefined;
  let fields: Record<string, unknown> | undefined;
  if (method === 'POST') {
    const limit = api === UPLOAD_API ? GATEWAY_MAX_UPLOAD_BODY_BYTES : GATEWAY_MAX_BODY_BYTES;
    const read = await readLimitedBody(request, limit);
    if (!read.ok) {
      return read.reason === 'too_large'
        ? errorResponse(413, 'payload_too_large', `The body of ${api} must be at most ${limit} bytes`)
        : errorResponse(400, 'invalid_body', 'The body could not be read');
    }
    body = read.bytes;
    if (api !== UPLOAD_API) {
      const parsed = readJsonObject(body);
      if (!parsed.ok) return errorResponse(400, 'invalid_body', parsed.message);
      fields = parsed.value;
    }
  }
  const foreign = foreignUserField(subject, fields, url.searchParams);
  if (foreign !== undefined) return errorResponse(403, 'forbidden', `${foreign} must be the authenticated user (the JWT subject)`);

  return relayToAicc(
    {
      api,
      method,
      search: url.search,
      body,
      messageToken: request.headers.get(MESSAGE_TOKEN_HEADER) ?? undefined,
      signal: request.signal,
    },
    config,
    dependencies,
  );
}
