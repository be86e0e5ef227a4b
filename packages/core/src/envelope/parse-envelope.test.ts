import * as v from 'valibot';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TencentApiError } from '../errors/tencent-api-error.js';
import { MalformedResponseError } from '../errors/transport-errors.js';
import { TencentEnvelopeSchema } from './envelope-schema.js';
import { assertEnvelopeSuccess, parseEnvelope, parseEnvelopeResponse } from './parse-envelope.js';

const context = { service: 'live_config', command: 'get_callback_token', random: 42, status: 200, attempt: 2 };

function capture(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('parseEnvelope', () => {
  it('returns the envelope with payload fields kept', () => {
    const envelope = parseEnvelope({ ActionStatus: 'OK', ErrorCode: 0, RequestId: 'Id-9', Extra: 1 });
    expect(envelope).toEqual({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', RequestId: 'Id-9', Extra: 1 });
  });

  it.each([[undefined], [null], ['{}'], [[]], [{}], [{ ActionStatus: 'OK', ErrorCode: '0' }], [{ ActionStatus: 'DONE', ErrorCode: 0 }]])(
    'throws MalformedResponseError for %j',
    (value) => {
      const error = capture(() => parseEnvelope(value, context));
      expect(error).toBeInstanceOf(MalformedResponseError);
      const malformed = error as MalformedResponseError;
      expect(malformed.service).toBe('live_config');
      expect(malformed.command).toBe('get_callback_token');
      expect(malformed.random).toBe(42);
      expect(malformed.status).toBe(200);
      expect(malformed.attempt).toBe(2);
      expect(malformed.retryable).toBe(true);
    },
  );

  it('names the broken fields and keeps the RequestId of a broken body', () => {
    const error = capture(() => parseEnvelope({ ActionStatus: 'OK', ErrorCode: 'zero', RequestId: 'Id-3' })) as MalformedResponseError;
    expect(error.message).toContain('ErrorCode');
    expect(error.requestId).toBe('Id-3');
  });

  it('never echoes received values (a body may carry a token)', () => {
    const error = capture(() => parseEnvelope({ ActionStatus: 'secret-token-value', ErrorCode: 0 })) as MalformedResponseError;
    expect(error.message).not.toContain('secret-token-value');
  });

  it('ignores a retryable flag or cause smuggled in the context', () => {
    const error = capture(() => parseEnvelope(null, { retryable: false, cause: 'x' } as never)) as MalformedResponseError;
    expect(error.retryable).toBe(true);
    expect(error.cause).toBeUndefined();
    const apiError = capture(() =>
      assertEnvelopeSuccess({ ActionStatus: 'FAIL', ErrorCode: 100002, ErrorInfo: '' }, { retryable: true } as never),
    );
    expect((apiError as TencentApiError).retryable).toBe(false);
  });
});

describe('assertEnvelopeSuccess', () => {
  it('passes only for ErrorCode 0 with ActionStatus OK', () => {
    expect(() => assertEnvelopeSuccess({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' })).not.toThrow();
  });

  it('throws TencentApiError with the envelope fields and the context', () => {
    const error = capture(() =>
      assertEnvelopeSuccess({ ActionStatus: 'FAIL', ErrorCode: 100302, ErrorInfo: 'token config not exist', RequestId: 'Id-7' }, context),
    );
    expect(TencentApiError.isInstance(error)).toBe(true);
    const apiError = error as TencentApiError;
    expect(apiError.code).toBe(100302);
    expect(apiError.info).toBe('token config not exist');
    expect(apiError.requestId).toBe('Id-7');
    expect(apiError.service).toBe('live_config');
    expect(apiError.command).toBe('get_callback_token');
    expect(apiError.random).toBe(42);
    expect(apiError.status).toBe(200);
    expect(apiError.attempt).toBe(2);
    expect(apiError.retryable).toBe(false);
  });

  it('treats a non-zero code as failure even when ActionStatus says OK', () => {
    const error = capture(() => assertEnvelopeSuccess({ ActionStatus: 'OK', ErrorCode: 60008, ErrorInfo: '' })) as TencentApiError;
    expect(error).toBeInstanceOf(TencentApiError);
    expect(error.code).toBe(60008);
    expect(error.retryable).toBe(true);
  });

  it('falls back to the context RequestId when the envelope has none', () => {
    const error = capture(() =>
      assertEnvelopeSuccess({ ActionStatus: 'FAIL', ErrorCode: 70001, ErrorInfo: '' }, { requestId: 'ctx' }),
    ) as TencentApiError;
    expect(error.requestId).toBe('ctx');
  });

  it('throws MalformedResponseError for FAIL with ErrorCode 0', () => {
    const error = capture(() =>
      assertEnvelopeSuccess({ ActionStatus: 'FAIL', ErrorCode: 0, ErrorInfo: 'odd', RequestId: 'Id-8' }, context),
    );
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error).not.toBeInstanceOf(TencentApiError);
    expect((error as MalformedResponseError).requestId).toBe('Id-8');
    expect((error as MalformedResponseError).command).toBe('get_callback_token');
  });
});

describe('assertEnvelopeSuccess: secrets echoed in ErrorInfo', () => {
  const userSig = 'eJyrVgrxCdYrSy1SslIyUtJRygeKRBrmFhgZGQ-echoed';
  const secretKey = 'secret-key-0123456789abcdef';

  it('redacts them in the info and the message of a TencentApiError', () => {
    const error = capture(() =>
      assertEnvelopeSuccess({ ActionStatus: 'FAIL', ErrorCode: 70003, ErrorInfo: `bad usersig ${userSig} (key ${secretKey})` }, context, [
        userSig,
        secretKey,
      ]),
    ) as TencentApiError;
    expect(error.info).toBe('bad usersig *** (key ***)');
    expect(error.message).toContain('bad usersig *** (key ***)');
    expect(JSON.stringify(error)).not.toContain(userSig);
  });

  it('redacts them in the message of an inconsistent envelope', () => {
    const error = capture(() =>
      assertEnvelopeSuccess({ ActionStatus: 'FAIL', ErrorCode: 0, ErrorInfo: `odd ${userSig}` }, context, [userSig, undefined]),
    );
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect((error as Error).message).toContain('(odd ***)');
    expect((error as Error).message).not.toContain(userSig);
  });
});

describe('parseEnvelopeResponse', () => {
  const schema = v.object({ Token: v.string(), IsTokenEnable: v.boolean() });

  it('returns the validated Response', () => {
    const envelope = parseEnvelope({ ActionStatus: 'OK', ErrorCode: 0, Response: { Token: 'abc', IsTokenEnable: false } });
    expect(parseEnvelopeResponse(envelope, schema)).toEqual({ Token: 'abc', IsTokenEnable: false });
  });

  it('throws MalformedResponseError when Response is missing', () => {
    const envelope = parseEnvelope({ ActionStatus: 'OK', ErrorCode: 0, RequestId: 'Id-5' });
    const error = capture(() => parseEnvelopeResponse(envelope, schema, context)) as MalformedResponseError;
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error.requestId).toBe('Id-5');
    expect(error.service).toBe('live_config');
  });

  it('throws MalformedResponseError on a mismatch without leaking values', () => {
    const envelope = parseEnvelope({ ActionStatus: 'OK', ErrorCode: 0, Response: { Token: 'super-secret-token', IsTokenEnable: 'yes' } });
    const error = capture(() => parseEnvelopeResponse(envelope, schema)) as MalformedResponseError;
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error.message).toContain('IsTokenEnable');
    expect(error.message).not.toContain('super-secret-token');
    expect(error.message).not.toContain('yes');
  });
});

describe('parseEnvelope and TencentEnvelopeSchema', () => {
  const field = fc.oneof(
    fc.constant(undefined),
    fc.constantFrom('OK', 'FAIL', 'ok', ''),
    fc.integer({ min: -5, max: 200_000 }),
    fc.double(),
    fc.string(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.integer(), { maxLength: 2 }),
  );
  const candidate = fc.oneof(
    fc.record({ ActionStatus: field, ErrorCode: field, ErrorInfo: field, RequestId: field, Response: fc.anything() }, { requiredKeys: [] }),
    fc.anything(),
  );

  it('accepts exactly what the schema accepts, with the same output', () => {
    fc.assert(
      fc.property(candidate, (value) => {
        const expected = v.safeParse(TencentEnvelopeSchema, value);
        let actual: unknown;
        let threw: unknown;
        try {
          actual = parseEnvelope(value);
        } catch (error) {
          threw = error;
        }
        if (expected.success) {
          expect(threw).toBeUndefined();
          expect(actual).toEqual(expected.output);
        } else {
          expect(MalformedResponseError.isInstance(threw)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
