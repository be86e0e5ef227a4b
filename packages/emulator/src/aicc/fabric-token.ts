import { constantTimeEqualStrings } from '@tokenwire/core';
import * as v from 'valibot';
import type { AiccContext } from './aicc-context.js';
import { FABRIC_AUTH_FAIL_MESSAGE, FABRIC_ERROR_CODES, fabricErrorResponse, jsonResponse } from './aicc-responses.js';
import type { AccessTokenRecord } from './aicc-state.js';
import { randomHex } from '../random-bytes.js';
import { describeIssues, readJsonBody } from './read-json-body.js';

/** AccessToken lifetime when the request has no `X-Token-Expire` header, in seconds. */
export const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 600;

/** The longest AccessToken lifetime API Fabric grants, in seconds; longer requests are clamped to it. */
export const MAX_ACCESS_TOKEN_TTL_SECONDS = 3600;

/** The `tokenByAkSk` request body. */
export const TokenByAkSkRequestSchema = /* @__PURE__ */ (() =>
  v.object({
    app_key: v.pipe(v.string('app_key must be a string'), v.nonEmpty('app_key is required')),
    app_secret: v.pipe(v.string('app_secret must be a string'), v.nonEmpty('app_secret is required')),
  }))();

/**
 * Reads `X-Token-Expire`: absent → 600 s; a positive decimal integer → that many seconds, clamped to 3600 (the
 * documented maximum; the emulator clamps rather than rejects, and reports the granted value in `Expires`);
 * anything else (`0`, negative, fractional, non-numeric) → `undefined`, which the endpoint answers with 400.
 */
export function parseTokenExpireHeader(value: string | null): number | undefined {
  if (value === null) return DEFAULT_ACCESS_TOKEN_TTL_SECONDS;
  const text = value.trim();
  if (!/^\d{1,10}$/.test(text)) return undefined;
  const seconds = Number(text);
  if (seconds < 1) return undefined;
  return Math.min(seconds, MAX_ACCESS_TOKEN_TTL_SECONDS);
}

/**
 * `POST {fabricTokenPath}` — API Fabric's `tokenByAkSk`. Checks `app_key`/`app_secret` (constant time) and
 * answers `{ AccessToken, ApplyType: 'Bearer', CreateTime, Expires, Scope, AppKey, UserID: 'Anonymous' }` with
 * `CreateTime` (epoch seconds) and `Expires` (lifetime seconds) as strings. Failures use the Fabric shape
 * `{ errorCode, exceptionInfo }`: 400 for an unreadable body or bad `X-Token-Expire`, 403 for wrong credentials.
 */
export async function handleTokenByAkSk(context: AiccContext, request: Request): Promise<Response> {
  const ttlSeconds = parseTokenExpireHeader(request.headers.get('x-token-expire'));
  if (ttlSeconds === undefined) {
    return fabricErrorResponse(400, FABRIC_ERROR_CODES.badRequest, 'X-Token-Expire must be a positive number of seconds.');
  }
  const body = await readJsonBody(request);
  if (!body.ok) return fabricErrorResponse(400, FABRIC_ERROR_CODES.badRequest, body.reason);
  const parsed = v.safeParse(TokenByAkSkRequestSchema, body.value);
  if (!parsed.success) return fabricErrorResponse(400, FABRIC_ERROR_CODES.badRequest, describeIssues(parsed.issues));
  const keyMatches = constantTimeEqualStrings(parsed.output.app_key, context.options.appKey);
  const secretMatches = constantTimeEqualStrings(parsed.output.app_secret, context.options.appSecret);
  if (!keyMatches || !secretMatches) {
    return fabricErrorResponse(403, FABRIC_ERROR_CODES.authenticationFailed, 'auth fail! the app_key or app_secret is incorrect.');
  }
  const createdAt = context.now();
  const record: AccessTokenRecord = {
    accessToken: randomHex(context.random, 32),
    appKey: context.options.appKey,
    scope: randomHex(context.random, 16),
    createdAt,
    expiresAt: createdAt + ttlSeconds * 1000,
  };
  context.state.accessTokens.set(record.accessToken, record);
  context.state.counters.issuedAccessTokens += 1;
  return jsonResponse(200, {
    AccessToken: record.accessToken,
    ApplyType: 'Bearer',
    CreateTime: String(Math.floor(createdAt / 1000)),
    Expires: String(ttlSeconds),
    Scope: record.scope,
    AppKey: record.appKey,
    UserID: 'Anonymous',
  });
}

/**
 * The API Fabric check in front of every `/apiaccess/ccmessaging/*` call: `Authorization: Bearer <AccessToken>`
 * must name a live AccessToken and `x-app-key` (any casing) the app key it was issued to. Returns the 403 response
 * to send when the check fails, `undefined` when it passes.
 */
export function authenticateAccessToken(context: AiccContext, request: Request): Response | undefined {
  const authorization = request.headers.get('authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  const record = match === null ? undefined : context.state.accessTokens.get(match[1]!);
  const appKey = request.headers.get('x-app-key');
  const valid =
    record !== undefined && context.now() < record.expiresAt && appKey !== null && constantTimeEqualStrings(appKey, record.appKey);
  if (valid) return undefined;
  context.state.counters.rejectedAccessTokens += 1;
  return fabricErrorResponse(403, FABRIC_ERROR_CODES.authenticationFailed, FABRIC_AUTH_FAIL_MESSAGE);
}
