import { TokenwireError } from '@tokenwire/core';
import { describe, expect, it } from 'vitest';
import { AiccApiError } from './aicc-api-error.js';
import { FabricAuthError } from './fabric-auth-error.js';

describe('FabricAuthError', () => {
  it('describes rejected credentials with API Fabric’s code and text', () => {
    const error = new FabricAuthError({
      reason: 'credentials_rejected',
      status: 403,
      errorCode: '10010000001',
      exceptionInfo: 'auth fail!',
      path: '/apigovernance/api/oauth/tokenByAkSk',
    });
    expect(error.name).toBe('FabricAuthError');
    expect(error.message).toBe('API Fabric rejected the app_key/app_secret (HTTP 403 10010000001 auth fail!)');
    expect(error).toMatchObject({ reason: 'credentials_rejected', retryable: false, status: 403, errorCode: '10010000001' });
  });

  it('describes a rejected AccessToken with the path, even without a body', () => {
    const error = new FabricAuthError({ reason: 'access_token_rejected', path: '/apiaccess/ccmessaging/send' });
    expect(error.message).toBe('API Fabric rejected the AccessToken on /apiaccess/ccmessaging/send after a refresh and one replay');
    expect(error.exceptionInfo).toBeUndefined();
  });

  it('has its own brand', () => {
    const error = new FabricAuthError({ reason: 'access_token_rejected' });
    expect(FabricAuthError.isInstance(error)).toBe(true);
    expect(TokenwireError.isInstance(error)).toBe(true);
    expect(AiccApiError.isInstance(error)).toBe(false);
    expect(FabricAuthError.isInstance(new AiccApiError({ code: '1' }))).toBe(false);
  });
});
