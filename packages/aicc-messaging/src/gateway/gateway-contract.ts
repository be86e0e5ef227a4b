import { CCMESSAGING_API_METHODS, type CcmessagingApi } from '../client/ccmessaging-apis.js';

/*
 * The contract between a browser using createAiccGatewayClient and the gateway (tokenwire's edge worker, or your
 * own server). The README's "Gateway contract" section is the normative text; these constants are the names both
 * sides share, so a gateway written in TypeScript can import them.
 */

/**
 * `POST {gatewayUrl}/aicc/token` — the browser's `applyToken`. Body: `{ userId, userName, channelId, locale }`
 * (`applyTokenReqBody`). The gateway forwards it to `POST /apiaccess/ccmessaging/applyToken` with its own
 * `Authorization: Bearer <AccessToken>` and `x-app-key`, and relays AICC's status and JSON body
 * (`{ token, resultCode, resultDesc }`).
 */
export const GATEWAY_TOKEN_PATH = '/aicc/token';

/**
 * `{GET|POST} {gatewayUrl}/aicc/ccmessaging/{api}[?query]` — relayed to `/apiaccess/ccmessaging/{api}[?query]` for
 * the APIs of {@link GATEWAY_CCMESSAGING_APIS}, with the request's `ccmessaging-token` header passed on and the
 * response's `ccmessaging-token` header passed back.
 */
export const GATEWAY_CCMESSAGING_PREFIX = '/aicc/ccmessaging/';

/**
 * The APIs a gateway relays under {@link GATEWAY_CCMESSAGING_PREFIX}, with the only method it accepts for each.
 * Anything else is answered 404 (unknown API) or 405 (wrong method) by the gateway itself.
 */
export const GATEWAY_CCMESSAGING_APIS: Readonly<Record<Exclude<CcmessagingApi, 'applyToken'>, 'GET' | 'POST'>> = /* @__PURE__ */ (() =>
  Object.freeze(
    Object.fromEntries(Object.entries(CCMESSAGING_API_METHODS).filter(([api]) => api !== 'applyToken')) as Record<
      Exclude<CcmessagingApi, 'applyToken'>,
      'GET' | 'POST'
    >,
  ))();

/**
 * Response header a gateway sets on answers it produces itself (not relayed from AICC), with a short code such as
 * `unauthorized`, `not_found`, `method_not_allowed`, `payload_too_large`, `upstream_unavailable`. Its body is then
 * `{ "error": code, "message": text }`.
 */
export const GATEWAY_ERROR_HEADER = 'x-aicc-gateway-error';

/** Request headers a browser sends to the gateway (the CORS `Access-Control-Allow-Headers` it needs). */
export const GATEWAY_REQUEST_HEADERS = ['authorization', 'content-type', 'ccmessaging-token'] as const;

/**
 * Response headers the browser must be able to read (the CORS `Access-Control-Expose-Headers` the gateway must
 * send): without it a browser cannot see a rotated `ccmessaging-token`.
 */
export const GATEWAY_EXPOSED_HEADERS = ['ccmessaging-token', 'retry-after', GATEWAY_ERROR_HEADER] as const;

/** Largest request body the gateway needs to accept: an upload of 10 MiB as base64 in JSON, with room to spare. */
export const GATEWAY_MAX_UPLOAD_BODY_BYTES: number = 14_680_064; // 14 MiB

/** Largest request body the gateway needs to accept for every API but `uploadFileStream`. */
export const GATEWAY_MAX_BODY_BYTES: number = 16_384; // 16 KiB
