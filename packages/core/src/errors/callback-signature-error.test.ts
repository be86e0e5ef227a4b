import { describe, expect, it } from 'vitest';
import { CallbackSignatureError, type CallbackSignatureErrorReason } from './callback-signature-error.js';
import { UserSigError } from './user-sig-error.js';

describe('CallbackSignatureError', () => {
  it.each<CallbackSignatureErrorReason>([
    'missing_signature',
    'malformed_request_time',
    'stale_request_time',
    'signature_mismatch',
    'no_tokens',
    'sdkappid_mismatch',
    'malformed_request',
  ])('carries the reason %s', (reason) => {
    const error = new CallbackSignatureError(reason, 'explained');
    expect(error.reason).toBe(reason);
    expect(error.name).toBe('CallbackSignatureError');
    expect(error.retryable).toBe(false);
    expect(CallbackSignatureError.isInstance(error)).toBe(true);
    expect(UserSigError.isInstance(error)).toBe(false);
  });
});
