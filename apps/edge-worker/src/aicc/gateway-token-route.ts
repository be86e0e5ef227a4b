import { MESSAGE_TOKEN_HEADER } from '@tokenwire/aicc-messaging';
import type { Context } from 'hono';
import { errorResponse } from '../http/error-response.js';
import type { BodyBounds } from '../http/limit-body.js';
import type { WorkerHonoEnv } from '../worker-hono-env.js';
import { foreignUserField } from './identity-pinning.js';
import { readJsonObject } from './read-json-object.js';
import { readRequestText } from './read-request-text.js';
import { type RelayDependencies, relayToAicc } from './relay-to-aicc.js';

/**
 * `POST /aicc/token` — the browser's `applyToken`, for the end user the JWT authenticated (`c.var.user`), with a
 * body `{ userId?, userName, channelId, locale }` within `bounds` (`limitBody` before). The end user is the JWT's
 * `sub`: `userId` — and any other identity field, in any spelling (`isIdentityField`) — must equal it (403
 * `forbidden`), and is set to it; `channelId` must be one of `AICC_CHANNEL_IDS` when that is set (403
 * `forbidden`). Relayed re-serialised (what was checked is what AICC gets) to `POST
 * /apiaccess/ccmessaging/applyToken`; AICC's status and body come back as they are — `{ token, resultCode }`, or a
 * bare `{ token: "\"…\"" }` as in the developer guide (cec_05_2012), which the client accepts.
 */
export async function handleGatewayToken(
  c: Context<WorkerHonoEnv>,
  bounds: BodyBounds,
  dependencies: RelayDependencies,
): Promise<Response> {
  const config = c.var.aicc;
  const subject = c.var.user.subject;
  const read = await readRequestText(c.var.body, bounds);
  if (!read.ok) return read.refusal;
  const parsed = readJsonObject(read.text);
  if (!parsed.ok || parsed.value === undefined) {
    return errorResponse(400, 'invalid_body', parsed.ok ? 'The body must be { userName, channelId, locale }' : parsed.message);
  }
  const body = parsed.value;
  const foreign = foreignUserField(subject, { userId: subject, ...body }, new URLSearchParams(new URL(c.req.url).search));
  if (foreign !== undefined) return errorResponse(403, 'forbidden', `${foreign} must be the authenticated user (the JWT subject)`);
  if (config.channelIds.length > 0 && !config.channelIds.some((channelId) => channelId === body['channelId'])) {
    return errorResponse(403, 'forbidden', 'channelId is not one of the channels this gateway serves');
  }
  return relayToAicc(
    {
      api: 'applyToken',
      method: 'POST',
      search: '',
      body: JSON.stringify({ ...body, userId: subject }),
      messageToken: c.req.header(MESSAGE_TOKEN_HEADER),
      signal: c.var.clientSignal,
    },
    config,
    dependencies,
  );
}
