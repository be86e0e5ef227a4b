import { jsonResponse } from '../http/json-response.js';

/**
 * A Tencent-shaped refusal: `{ "ActionStatus": "FAIL", "ErrorCode": status, "ErrorInfo": info }` with that HTTP
 * status. Any status other than 200 counts as a failed delivery at Tencent, so a refusal is visible in Tencent's
 * callback statistics. `ErrorCode` repeats the HTTP status, so one number identifies the refusal in both places.
 * `info` is a short reason; it never contains a token or a signature.
 */
export function callbackFailure(status: number, info: string, headers: HeadersInit = {}): Response {
  return jsonResponse(status, { ActionStatus: 'FAIL', ErrorCode: status, ErrorInfo: info }, headers);
}
