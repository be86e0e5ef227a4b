import { describe, expect, it } from 'vitest';
import { CallbackSignatureError } from './callback-signature-error.js';
import { UserSigError, type UserSigErrorReason } from './user-sig-error.js';

describe('UserSigError', () => {
  it.each<UserSigErrorReason>(['malformed', 'sdkappid_mismatch', 'identifier_mismatch', 'expired', 'signature_mismatch'])(
    'carries the reason %s',
    (reason) => {
      const error = new UserSigError(reason, 'explained');
      expect(error.reason).toBe(reason);
      expect(error.message).toBe('explained');
      expect(error.retryable).toBe(false);
      expect(UserSigError.isInstance(error)).toBe(true);
      expect(CallbackSignatureError.isInstance(error)).toBe(false);
    },
  );
});
