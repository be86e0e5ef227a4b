import { jsonResponse } from '../http/json-response.js';

/**
 * A Tencent-shaped failure: `{ "ActionStatus": "FAIL", "ErrorCode": status, "ErrorInfo": info }` with that HTTP
 * status — the worker did not process the callback (refused the request, or could not hand the event over). Any
 * status other than 200 counts as a failed delivery at Tencent, so it is visible in Tencent's callback statistics.
 * It is not how the worker refuses a gift: that is a 200 `OK` answer with a non-zero `ErrorCode`. `ErrorCode` repeats the HTTP status, so one number identifies the refusal in both places.
 * `info` is a short reason; it never contains a token or a signature.
 */
export function callbackFailure(status: number, info: string, headers: HeadersInit = {}): Response {
  return jsonResponse(status, { ActionStatus: 'FAIL', ErrorCode: status, ErrorInfo: info }, headers);
}
