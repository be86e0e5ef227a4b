/**
 * Error codes the emulated API Fabric gateway puts in `{ errorCode, exceptionInfo }` bodies. Huawei documents the
 * body shape and the 403 text but not the codes, so these are the emulator's choice; `10010000001` is the code
 * AICC lists for "authentication failed" elsewhere (robot feedback).
 */
export const FABRIC_ERROR_CODES = {
  /** Bad or expired AccessToken, wrong `x-app-key`, or wrong `app_key`/`app_secret` (HTTP 403). */
  authenticationFailed: '10010000001',
  /** Unparsable body or bad `X-Token-Expire` (HTTP 400). */
  badRequest: '10010000400',
  /** No such API (HTTP 404). */
  notFound: '10010000404',
  /** Wrong HTTP method for the API (HTTP 405). */
  methodNotAllowed: '10010000405',
} as const;

/** The `exceptionInfo` of API Fabric's 403, verbatim from Huawei's documentation. */
export const FABRIC_AUTH_FAIL_MESSAGE =
  'auth fail! illegal or expired token info. please apply or refresh the access token from the server!';

/** What a ccmessaging handler answers: a JSON body with an HTTP status (200 unless said otherwise). */
export interface HandlerResult {
  readonly status?: number;
  readonly body: unknown;
}

/** A JSON response with the given status and extra headers. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json;charset=UTF-8', ...headers },
  });
}

/** An API Fabric error response: `{ errorCode, exceptionInfo }`. */
export function fabricErrorResponse(
  status: number,
  errorCode: string,
  exceptionInfo: string,
  headers: Record<string, string> = {},
): Response {
  return jsonResponse(status, { errorCode, exceptionInfo }, headers);
}
