import { describe, expect, it } from 'vitest';
import { ValidationError } from './validation-error.js';

describe('ValidationError', () => {
  it('lists every issue in the message, root issues without a path', () => {
    const error = new ValidationError('client options', [
      { path: 'sdkAppId', message: 'must be a positive integer' },
      { path: '', message: 'give either secretKey or userSig' },
    ]);
    expect(error.message).toBe('Invalid client options: sdkAppId: must be a positive integer; give either secretKey or userSig');
    expect(error.issues).toHaveLength(2);
    expect(error.name).toBe('ValidationError');
  });

  it('is never retryable, even when asked', () => {
    expect(new ValidationError('x', [], { retryable: true }).retryable).toBe(false);
  });

  it('keeps context and cause', () => {
    const cause = new Error('inner');
    const error = new ValidationError('body', [{ path: 'Token', message: 'too long' }], { service: 'live_config', cause });
    expect(error.service).toBe('live_config');
    expect(error.cause).toBe(cause);
  });
});
