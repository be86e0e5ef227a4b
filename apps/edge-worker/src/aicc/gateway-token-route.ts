import { GATEWAY_MAX_BODY_BYTES, MESSAGE_TOKEN_HEADER } from '@tokenwire/aicc-messaging';
import { authenticateUser } from '../auth/authenticate-user.js';
import type { AiccConfig } from '../config/aicc-config.js';
import { errorResponse, methodNotAllowed } from '../http/error-response.js';
import { readLimitedBody } from '../http/read-limited-body.js';
import { readJsonObject } from './read-json-object.js';
import { relayToAicc, type RelayDependencies } from './relay-to-aicc.js';

/**
 * `POST /aicc/token` — the browser's `applyToken`. Body `{ userId?, userName, channelId, locale }` (at most
 * {@link GATEWAY_MAX_BODY_BYTES}). The end user is the JWT's `sub`: `userId` defaults to it and must equal it
 * (403 `forbidden`); `channelId` must be one of `AICC_CHANNEL_IDS` when that is set (403 `forbidden`). Relayed to
 * `POST /apiaccess/ccmessaging/applyToken`; AICC's status and body come back as they are — `{ token, resultCode }`,
 * or a bare `{ token: "\"…\"" }` as in the developer guide (cec_05_2012), which the client accepts.
 */
export async function handleGatewayToken(request: Request, config: AiccConfig, dependencies: RelayDependencies): Promise<Response> {
  if (request.method !== 'POST') return methodNotAllowed(['POST']);
  const authentication = await authenticateUser(request, config.jwt, dependencies.now());
  if (!authentication.ok) return authentication.response;
  const subject = authentication.claims.subject;

  const read = await readLimitedBody(request, GATEWAY_MAX_BODY_BYTES);
  if (!read.ok) {
    return read.reason === 'too_large'
      ? errorResponse(413, 'payload_too_large', `The body must be at most ${GATEWAY_MAX_BODY_BYTES} bytes`)
      : errorResponse(400, 'invalid_body', 'The body could not be read');
  }
  const parsed = readJsonObject(read.bytes);
  if (!parsed.ok || parsed.value === undefined) {
    return errorResponse(400, 'invalid_body', parsed.ok ? 'The body must be { userName, channelId, locale }' : parsed.message);
  }
  const body = parsed.value;
  if (body['userId'] !== undefined && body['userId'] !== subject) {
    return errorResponse(403, 'forbidden', 'userId must be the authenticated user (the JWT subject)');
  }
  if (config.channelIds.length > 0 && !config.channelIds.includes(body['channelId'] as string)) {
    return errorResponse(403, 'forbidden', 'channelId is not one of the channels this gateway serves');
  }
  return relayToAicc(
    {
      api: 'applyToken',
      method: 'POST',
      search: '',
      body: new TextEncoder().encode(JSON.stringify({ ...body, userId: subject })),
      messageToken: request.headers.get(MESSAGE_TOKEN_HEADER) ?? undefined,
      signal: request.signal,
    },
    config,
    dependencies,
  );
}
