import { MESSAGE_TOKEN_HEADER } from '../client/ccmessaging-apis.js';
import { GATEWAY_CCMESSAGING_APIS, GATEWAY_MAX_BODY_BYTES, GATEWAY_MAX_UPLOAD_BODY_BYTES } from '../gateway/gateway-contract.js';
import { answerUnread, type BodyBounds } from '@tokenwire/core/internal';
import { checkUploadBody } from './checked-upload-body.js';
import type { GatewayCall } from './gateway-call.js';
import { errorResponse } from './gateway-error-response.js';
import { foreignUserField } from './identity-pinning.js';
import { readJsonObject } from './read-json-object.js';
import { gatewayBodyRefusal, readRequestText } from './read-request-text.js';
import { type RelayDependencies, relayToAicc, UPLOAD_RELAY_TIMEOUT_MS } from './relay-to-aicc.js';
import type { UploadSlots } from './upload-slots.js';

/** The one API whose body may be large (a base64 file): streamed to AICC, checked as it goes. */
const UPLOAD_API = 'uploadFileStream';

/** How long a body of any other API may take to arrive, in ms (at most {@link GATEWAY_MAX_BODY_BYTES}). */
export const GATEWAY_BODY_DEADLINE_MS = 10_000;

/** The method the gateway accepts for `api`, or `undefined` when `api` is not on the allow-list. */
export function gatewayApiMethod(api: string): 'GET' | 'POST' | undefined {
  return Object.hasOwn(GATEWAY_CCMESSAGING_APIS, api) ? GATEWAY_CCMESSAGING_APIS[api as keyof typeof GATEWAY_CCMESSAGING_APIS] : undefined;
}

/**
 * The bounds of the body of `api`: `GATEWAY_MAX_UPLOAD_BODY_BYTES` within the upload relay deadline for
 * `uploadFileStream`, else `GATEWAY_MAX_BODY_BYTES` within {@link GATEWAY_BODY_DEADLINE_MS}.
 */
export function gatewayBodyBounds(api: string): BodyBounds {
  return api === UPLOAD_API
    ? { maxBytes: GATEWAY_MAX_UPLOAD_BODY_BYTES, deadlineMs: UPLOAD_RELAY_TIMEOUT_MS }
    : { maxBytes: GATEWAY_MAX_BODY_BYTES, deadlineMs: GATEWAY_BODY_DEADLINE_MS };
}

const messageTokenOf = (call: GatewayCall): string | undefined => call.request.headers.get(MESSAGE_TOKEN_HEADER) ?? undefined;

const forbidden = (field: string): Response => errorResponse(403, 'forbidden', `${field} must be the authenticated user`);

/**
 * `{GET|POST} /aicc/ccmessaging/{api}` — relayed to `/apiaccess/ccmessaging/{api}` with the query, for the end user
 * `authenticate` returned (`call.userId`), once the API and method are on the allow-list and the body is bounded
 * ({@link gatewayBodyBounds}). Every identity field — `userId`, `from`, `callId`, `receiverId`, in any case or
 * spelling, in the body or the query — must be that user → else 403 `forbidden`. A JSON body is parsed and
 * relayed **re-serialised**, so AICC gets exactly what was checked (of duplicate keys, the one checked). An
 * `uploadFileStream` body is streamed instead ({@link relayUpload}). The `ccmessaging-token` header goes to AICC
 * and comes back.
 */
export async function handleGatewayCcmessaging(
  call: GatewayCall,
  dependencies: RelayDependencies,
  uploads: UploadSlots,
): Promise<Response> {
  const { api, method, url } = call;
  const foreignInQuery = foreignUserField(call.userId, undefined, url.searchParams);
  if (foreignInQuery !== undefined) return answerUnread(call.body, forbidden(foreignInQuery));
  if (api === UPLOAD_API) return relayUpload(call, dependencies, uploads);

  let body: string | undefined;
  if (method === 'POST') {
    const read = await readRequestText(call.body, call.bounds);
    if (!read.ok) return read.refusal;
    const parsed = readJsonObject(read.text);
    if (!parsed.ok) return errorResponse(400, 'invalid_body', parsed.message);
    const foreign = foreignUserField(call.userId, parsed.value, url.searchParams);
    if (foreign !== undefined) return forbidden(foreign);
    body = parsed.value === undefined ? '' : JSON.stringify(parsed.value);
  }
  return relayToAicc(
    { api, method, search: url.search, body, messageToken: messageTokenOf(call), signal: call.request.signal },
    dependencies,
  );
}

/**
 * `POST /aicc/ccmessaging/uploadFileStream`: the body (up to `GATEWAY_MAX_UPLOAD_BODY_BYTES`) streams to AICC as it
 * arrives, checked chunk by chunk (`checkUploadBody`: one flat JSON object, every identity field the user's id),
 * never held whole — so memory per upload is a few chunks, not the file. `uploads` bounds how many run at once, per
 * user and in all: beyond, 429 `too_many_uploads` or 503 `gateway_busy`, with `Retry-After`. A body stopped on its way answers 413 (too large), 408 (too slow), 403
 * (an identity field) or 400 (not a flat JSON object), and AICC, whose request is aborted, never gets a complete
 * body. Not replayed after a 403 (a stream is read once): the client re-applies and uploads again.
 */
async function relayUpload(call: GatewayCall, dependencies: RelayDependencies, uploads: UploadSlots): Promise<Response> {
  const subject = call.userId;
  const bounded = call.body;
  const slot = uploads.take(subject);
  if (slot === 'user_limit') {
    const message = `At most ${uploads.perUser} uploads per user at a time: retry when one has finished`;
    return answerUnread(bounded, errorResponse(429, 'too_many_uploads', message, { 'retry-after': '1' }));
  }
  if (slot === 'isolate_limit') {
    const message = `The gateway is relaying as many uploads as it can (${uploads.perIsolate}): retry shortly`;
    return answerUnread(bounded, errorResponse(503, 'gateway_busy', message, { 'retry-after': '1' }));
  }
  try {
    // A refused body aborts the upstream request: AICC never gets it whole.
    const refused = new AbortController();
    const checked = checkUploadBody(bounded.readChunk, subject, () => refused.abort());
    const answer = await relayToAicc(
      {
        api: UPLOAD_API,
        method: 'POST',
        search: call.url.search,
        body: checked.body,
        messageToken: messageTokenOf(call),
        signal: AbortSignal.any([call.request.signal, refused.signal]),
      },
      dependencies,
    );
    const refusal = checked.refusal;
    if (bounded.failure !== undefined) return answerUnread(bounded, gatewayBodyRefusal(bounded.failure, call.bounds));
    if (refusal?.reason === 'forbidden') return answerUnread(bounded, forbidden(refusal.field));
    if (refusal !== undefined)
      return answerUnread(bounded, errorResponse(400, 'invalid_body', 'The body must be one flat JSON object, in UTF-8'));
    return answer;
  } finally {
    slot();
  }
}
