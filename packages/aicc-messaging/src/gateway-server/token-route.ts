import { MESSAGE_TOKEN_HEADER } from '../client/ccmessaging-apis.js';
import type { GatewayCall } from './gateway-call.js';
import { errorResponse } from './gateway-error-response.js';
import { foreignUserField } from './identity-pinning.js';
import { readJsonObject } from './read-json-object.js';
import { readRequestText } from './read-request-text.js';
import { type RelayDependencies, relayToAicc } from './relay-to-aicc.js';

/**
 * `POST /aicc/token` — the browser's `applyToken`, for the end user `authenticate` returned (`call.userId`), with a
 * body `{ userId?, userName, channelId, locale }` within its bounds. `userId` — and any other identity field, in any spelling (`isIdentityField`) — must equal it (403
 * `forbidden`), and is set to it; `channelId` must be one of `channels` when that is not empty (403
 * `forbidden`). Relayed re-serialised (what was checked is what AICC gets) to `POST
 * /apiaccess/ccmessaging/applyToken`; AICC's status and body come back as they are — `{ token, resultCode }`, or a
 * bare `{ token: "\"…\"" }` as in the developer guide (cec_05_2012), which the client accepts.
 */
export async function handleGatewayToken(
  call: GatewayCall,
  channels: readonly string[],
  dependencies: RelayDependencies,
): Promise<Response> {
  const subject = call.userId;
  const read = await readRequestText(call.body, call.bounds);
  if (!read.ok) return read.refusal;
  const parsed = readJsonObject(read.text);
  if (!parsed.ok || parsed.value === undefined) {
    return errorResponse(400, 'invalid_body', parsed.ok ? 'The body must be { userName, channelId, locale }' : parsed.message);
  }
  const body = parsed.value;
  const foreign = foreignUserField(subject, { userId: subject, ...body }, call.url.searchParams);
  if (foreign !== undefined) return errorResponse(403, 'forbidden', `${foreign} must be the authenticated user`);
  if (channels.length > 0 && !channels.some((channelId) => channelId === body['channelId'])) {
    return errorResponse(403, 'forbidden', 'channelId is not one of the channels this gateway serves');
  }
  return relayToAicc(
    {
      api: 'applyToken',
      method: 'POST',
      search: '',
      body: JSON.stringify({ ...body, userId: subject }),
      messageToken: call.request.headers.get(MESSAGE_TOKEN_HEADER) ?? undefined,
      signal: call.request.signal,
    },
    dependencies,
  );
}
