// The one table from a refusal reason to the callback route's HTTP status and answer.
import { describe, expect, it } from 'vitest';
import type { CallbackSignatureErrorReason } from '@tokenwire/core';
import { CALLBACK_REFUSAL_STATUS, callbackRefusal } from '../src/tencent/callback-refusal.js';

// Written out here rather than read from the table: a reason added to core's union without a status here fails
// the typecheck (the Record is exhaustive), and a status changed by mistake fails this test.
const EXPECTED: Record<CallbackSignatureErrorReason, 400 | 401> = {
  sdkappid_mismatch: 401,
  missing_signature: 401,
  malformed_request_time: 401,
  stale_request_time: 401,
  signature_mismatch: 401,
  no_tokens: 401,
  malformed_request: 401,
  malformed_body: 400,
};

describe('callbackRefusal', () => {
  it('maps every reason to its status: 400 only for a malformed body after a verified signature', () => {
    expect(CALLBACK_REFUSAL_STATUS).toEqual(EXPECTED);
  });

  it.each(Object.entries(EXPECTED) as [CallbackSignatureErrorReason, number][])(
    'answers %s with %i and a Tencent-shaped FAIL body',
    async (reason, status) => {
      const detail = 'The callback body is not valid JSON (unexpected end at character 9)';
      const response = callbackRefusal(reason, detail);
      expect(response.status).toBe(status);
      const info = status === 400 ? `malformed callback: ${detail}` : `unauthenticated callback: ${reason}`;
      expect(await response.json()).toEqual({ ActionStatus: 'FAIL', ErrorCode: status, ErrorInfo: info });
    },
  );

  it('gives no detail to an unauthenticated request, and at most 200 characters of it to an authenticated one', async () => {
    expect(await callbackRefusal('malformed_request', 'The callback URL repeats the Sign query parameter').json()).toMatchObject({
      ErrorInfo: 'unauthenticated callback: malformed_request',
    });
    const long = (await callbackRefusal('malformed_body', 'x'.repeat(500)).json()) as { ErrorInfo: string };
    expect(long.ErrorInfo).toBe(`malformed callback: ${'x'.repeat(200)}`);
  });
});
