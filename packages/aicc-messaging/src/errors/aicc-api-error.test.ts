import { TokenwireError } from '@tokenwire/core';
import { describe, expect, it } from 'vitest';
import { AiccApiError, FLOW_CONTROL_RESULT_CODE } from './aicc-api-error.js';

describe('AiccApiError', () => {
  it('carries the business outcome and the request context under a stable name', () => {
    const error = new AiccApiError({
      code: '160004',
      description: 'the session does not exist',
      path: '/apiaccess/ccmessaging/queryQueueInfo',
      status: 200,
      attempt: 1,
    });
    expect(error.name).toBe('AiccApiError');
    expect(error.message).toBe('AICC resultCode 160004 from /apiaccess/ccmessaging/queryQueueInfo: the session does not exist');
    expect(error).toMatchObject({
      code: '160004',
      field: 'resultCode',
      path: '/apiaccess/ccmessaging/queryQueueInfo',
      status: 200,
      attempt: 1,
      retryable: false,
    });
    expect(AiccApiError.isInstance(error)).toBe(true);
    expect(TokenwireError.isInstance(error)).toBe(true);
    expect(error).toBeInstanceOf(Error);
    expect(Object.keys(error)).not.toContain('name');
  });

  it('names returnCode for uploads and says when there is no description', () => {
    const error = new AiccApiError({ code: '13', field: 'returnCode', path: '/apiaccess/ccmessaging/uploadFileStream' });
    expect(error.message).toBe('AICC returnCode 13 from /apiaccess/ccmessaging/uploadFileStream: no resultDesc given');
    expect(error.description).toBeUndefined();
  });

  it('is retryable only for flow control, with the rate-limit backoff', () => {
    expect(new AiccApiError({ code: FLOW_CONTROL_RESULT_CODE })).toMatchObject({ retryable: true, retryClass: 'rate_limit' });
    expect(new AiccApiError({ code: '13' })).toMatchObject({ retryable: false, retryClass: 'none' });
  });

  it('is recognised across copies by its brand, and nothing else passes', () => {
    const foreign = Object.assign(new Error('x'), { [Symbol.for('tokenwire.error.AiccApiError')]: true });
    expect(AiccApiError.isInstance(foreign)).toBe(true);
    expect(AiccApiError.isInstance(new TokenwireError('x'))).toBe(false);
    expect(AiccApiError.isInstance({ name: 'AiccApiError' })).toBe(false);
    expect(AiccApiError.isInstance(undefined)).toBe(false);
  });
});
