/*
 * A minimal gateway that implements the README's "Gateway contract" in front of the emulator, for the tests of
 * createAiccGatewayClient. It is what apps/edge-worker does for real (JWT auth there; a lookup table here).
 */
import {
  APP_KEY_HEADER,
  CCMESSAGING_PATH_PREFIX,
  GATEWAY_CCMESSAGING_APIS,
  GATEWAY_CCMESSAGING_PREFIX,
  GATEWAY_ERROR_HEADER,
  GATEWAY_EXPOSED_HEADERS,
  GATEWAY_MAX_BODY_BYTES,
  GATEWAY_MAX_UPLOAD_BODY_BYTES,
  GATEWAY_REQUEST_HEADERS,
  GATEWAY_TOKEN_PATH,
  JSON_CONTENT_TYPE,
  MESSAGE_TOKEN_HEADER,
  type AiccDirectClient,
} from '../src/index.js';
import type { TestFetch } from './harness.js';

export interface ReferenceGatewayOptions {
  /** A direct client: its AccessToken cache is the gateway's. */
  readonly client: AiccDirectClient;
  readonly appKey: string;
  /** How the gateway reaches AICC. */
  readonly fetch: TestFetch;
  /** Authorization header value → the signed-in user id (a JWT check in the real worker). */
  readonly users: ReadonlyMap<string, string>;
  /** The path the gateway is mounted under, e.g. `/support`. */
  readonly mountPath: string;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': GATEWAY_EXPOSED_HEADERS.join(', '),
};

function gatewayError(status: number, code: string, message: string, extra: Record<string, string> = {}): Response {
  return Response.json({ error: code, message }, { status, headers: { ...CORS, [GATEWAY_ERROR_HEADER]: code, ...extra } });
}

export function createReferenceGateway(options: ReferenceGatewayOptions): TestFetch {
  const { client, appKey, users } = options;
  return async (request) => {
    const url = new URL(request.url);
    if (!url.pathname.startsWith(`${options.mountPath}/`)) return gatewayError(404, 'not_found', 'not mounted here');
    const route = url.pathname.slice(options.mountPath.length);
    if (request.method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: {
          ...CORS,
          'access-control-allow-methods': 'GET, POST',
          'access-control-allow-headers': GATEWAY_REQUEST_HEADERS.join(', '),
        },
      });
    }
    const userId = users.get(request.headers.get('authorization') ?? '');
    if (userId === undefined) return gatewayError(401, 'unauthorized', 'sign in first', { 'www-authenticate': 'Bearer' });

    let api: string;
    let method: 'GET' | 'POST';
    if (route === GATEWAY_TOKEN_PATH) {
      api = 'applyToken';
      method = 'POST';
    } else if (
      route.startsWith(GATEWAY_CCMESSAGING_PREFIX) &&
      Object.hasOwn(GATEWAY_CCMESSAGING_APIS, route.slice(GATEWAY_CCMESSAGING_PREFIX.length))
    ) {
      api = route.slice(GATEWAY_CCMESSAGING_PREFIX.length);
      method = GATEWAY_CCMESSAGING_APIS[api as keyof typeof GATEWAY_CCMESSAGING_APIS];
    } else {
      return gatewayError(404, 'not_found', 'no such API');
    }
    if (request.method !== method) return gatewayError(405, 'method_not_allowed', `use ${method}`, { allow: method });

    const body = method === 'POST' ? await request.text() : undefined;
    const limit = api === 'uploadFileStream' ? GATEWAY_MAX_UPLOAD_BODY_BYTES : GATEWAY_MAX_BODY_BYTES;
    if (body !== undefined && new TextEncoder().encode(body).length > limit)
      return gatewayError(413, 'payload_too_large', 'body too large');
    if (api === 'applyToken') {
      const requested = (JSON.parse(body ?? '{}') as { userId?: unknown }).userId;
      if (requested !== userId) return gatewayError(403, 'forbidden', 'userId is not the signed-in user');
    }

    const messageToken = request.headers.get(MESSAGE_TOKEN_HEADER);
    let answer: Response | undefined;
    for (let attempt = 0; attempt < 2; attempt++) {
      const accessToken = await client.accessTokens.get();
      answer = await options.fetch(
        new Request(`${client.endpoint}${CCMESSAGING_PATH_PREFIX}${api}${url.search}`, {
          method,
          headers: {
            authorization: `Bearer ${accessToken}`,
            [APP_KEY_HEADER]: appKey,
            'content-type': JSON_CONTENT_TYPE,
            ...(messageToken === null ? {} : { [MESSAGE_TOKEN_HEADER]: messageToken }),
          },
          ...(body === undefined ? {} : { body }),
          signal: request.signal,
        }),
      );
      if (answer.status !== 403 || attempt === 1) break;
      client.accessTokens.invalidate(accessToken);
    }
    const relayed = new Headers({ ...CORS, 'content-type': answer!.headers.get('content-type') ?? 'application/json' });
    const rotated = answer!.headers.get(MESSAGE_TOKEN_HEADER);
    if (rotated !== null) relayed.set(MESSAGE_TOKEN_HEADER, rotated);
    return new Response(answer!.body, { status: answer!.status, headers: relayed });
  };
}
