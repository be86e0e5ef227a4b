import * as v from 'valibot';
import type { AiccContext } from './aicc-context.js';
import { FABRIC_AUTH_FAIL_MESSAGE, FABRIC_ERROR_CODES, fabricErrorResponse, jsonResponse, type HandlerResult } from './aicc-responses.js';
import type { MessageTokenRecord } from './aicc-state.js';
import { createMessageTokenValue } from './random-identifiers.js';
import { describeIssues } from './read-json-body.js';
import { hasCharacterCountBetween } from './text-measures.js';

/** The name of the request and response header that carries the `ccmessaging-token`. */
export const MESSAGE_TOKEN_HEADER = 'ccmessaging-token';

/**
 * A language code as AICC accepts it: ISO 639 (`en`, `zh`) with an optional ISO 3166 region joined by `_` or `-`
 * (`zh_CN`, `en-US`).
 */
export const LOCALE_PATTERN = /^[a-z]{2,3}(?:[_-](?:[A-Za-z]{2}|\d{3}))?$/;

/** The `applyToken` request body (`applyTokenReqBody`). */
export const ApplyTokenRequestSchema = /* @__PURE__ */ (() =>
  v.object({
    userId: v.pipe(v.string('userId must be a string'), v.check(hasCharacterCountBetween(1, 32), 'userId must be 1–32 characters')),
    userName: v.pipe(v.string('userName must be a string'), v.nonEmpty('userName is required')),
    channelId: v.pipe(v.string('channelId must be a string'), v.nonEmpty('channelId is required')),
    locale: v.pipe(
      v.string('locale must be a string'),
      v.regex(LOCALE_PATTERN, 'locale must be an ISO 639 code with an optional region, e.g. en or zh_CN'),
    ),
  }))();

/** Issues a `ccmessaging-token` valid for the configured lifetime and stores it. */
export function issueMessageToken(
  context: AiccContext,
  holder: Pick<MessageTokenRecord, 'userId' | 'userName' | 'channelId' | 'locale'>,
  rotatedFrom?: string,
): MessageTokenRecord {
  const issuedAt = context.now();
  const record: MessageTokenRecord = {
    token: createMessageTokenValue(issuedAt, context.random),
    userId: holder.userId,
    userName: holder.userName,
    channelId: holder.channelId,
    locale: holder.locale,
    issuedAt,
    expiresAt: issuedAt + context.options.messageTokenTtlSeconds * 1000,
    ...(rotatedFrom === undefined ? {} : { rotatedFrom }),
  };
  context.state.messageTokens.set(record.token, record);
  return record;
}

/**
 * `POST /apiaccess/ccmessaging/applyToken`: validates the body (userId 1–32 characters, userName, a configured
 * channelId, a locale) and answers, in the `api-reference` dialect, `{ token, resultCode: '0' }` (cec_07_2214); in
 * the `developer-guide` dialect `{ token: '"…"' }` — the token inside literal quotes and no `resultCode`, as the
 * example of devg-webclint-cec cec_05_2012 shows it. Bad input → `{ resultCode: '1', resultDesc }` in both. Earlier
 * tokens of the same user stay valid until they expire.
 */
export function applyToken(context: AiccContext, body: Record<string, unknown>): HandlerResult {
  const parsed = v.safeParse(ApplyTokenRequestSchema, body);
  if (!parsed.success) return { body: { resultCode: '1', resultDesc: describeIssues(parsed.issues) } };
  if (!context.options.channels.includes(parsed.output.channelId)) {
    return { body: { resultCode: '1', resultDesc: 'channelId: no such channel configuration.' } };
  }
  const record = issueMessageToken(context, parsed.output);
  context.state.counters.issuedMessageTokens += 1;
  if (context.options.dialect === 'developer-guide') return { body: { token: `"${record.token}"` } };
  return { body: { token: record.token, resultCode: '0' } };
}

/** The outcome of checking the `ccmessaging-token` of a chat call. */
export type MessageTokenCheck =
  | {
      readonly ok: true;
      /** The token the request presented. */
      readonly token: MessageTokenRecord;
      /** A fresh token to return in the `ccmessaging-token` response header, when the presented one is near expiry. */
      readonly rotated?: MessageTokenRecord;
    }
  | { readonly ok: false; readonly response: Response };

/**
 * Checks the `ccmessaging-token` request header: missing, unknown or expired → 401 `{ resultCode: '1', resultDesc }`
 * — except on the long poll (`api` `poll`) with `pollTokenRejectionStatus` 403 (the `developer-guide` dialect):
 * then 403 in API Fabric's `{ errorCode, exceptionInfo }` shape, as devg-voip-cec cec_05_1010 describes ("the
 * tokens expired; renew both"). When the token expires within `rotateWithinSeconds`, a successor valid for a full
 * lifetime is issued (once per token; later calls with the old token get the same successor) for the response
 * header. The old token keeps working until it expires.
 */
export function authenticateMessageToken(context: AiccContext, request: Request, api: string): MessageTokenCheck {
  const value = request.headers.get(MESSAGE_TOKEN_HEADER);
  const record = value === null ? undefined : context.state.messageTokens.get(value);
  const now = context.now();
  if (record === undefined || now >= record.expiresAt) {
    context.state.counters.rejectedMessageTokens += 1;
    if (api === 'poll' && context.options.pollTokenRejectionStatus === 403) {
      return { ok: false, response: fabricErrorResponse(403, FABRIC_ERROR_CODES.authenticationFailed, FABRIC_AUTH_FAIL_MESSAGE) };
    }
    return {
      ok: false,
      response: jsonResponse(401, {
        resultCode: '1',
        resultDesc: 'authentication failed: the ccmessaging-token is missing, invalid or expired. Call applyToken again.',
      }),
    };
  }
  if (record.expiresAt - now > context.options.rotateWithinSeconds * 1000) return { ok: true, token: record };
  const existing = record.rotatedTo === undefined ? undefined : context.state.messageTokens.get(record.rotatedTo);
  if (existing !== undefined && now < existing.expiresAt) return { ok: true, token: record, rotated: existing };
  const rotated = issueMessageToken(context, record, record.token);
  record.rotatedTo = rotated.token;
  context.state.counters.rotatedMessageTokens += 1;
  return { ok: true, token: record, rotated };
}
