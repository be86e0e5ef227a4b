import * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type TencentEnvelope, TencentEnvelopeSchema, envelopeWithResponse } from './envelope-schema.js';

describe('TencentEnvelopeSchema', () => {
  it('accepts a success envelope and defaults ErrorInfo to an empty string', () => {
    const parsed = v.parse(TencentEnvelopeSchema, { ActionStatus: 'OK', ErrorCode: 0 });
    expect(parsed).toEqual({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });
    expect(parsed.RequestId).toBeUndefined();
  });

  it('keeps top-level payload fields of classic IM APIs', () => {
    const parsed = v.parse(TencentEnvelopeSchema, {
      ActionStatus: 'OK',
      ErrorCode: 0,
      ErrorInfo: '',
      RequestId: 'Id-1',
      QueryResult: [{ UserID: 'a' }],
    });
    expect(parsed['QueryResult']).toEqual([{ UserID: 'a' }]);
    expect(parsed.RequestId).toBe('Id-1');
  });

  it.each([
    ['not an object', 'OK'],
    ['null', null],
    ['missing ActionStatus', { ErrorCode: 0 }],
    ['unknown ActionStatus', { ActionStatus: 'ok', ErrorCode: 0 }],
    ['missing ErrorCode', { ActionStatus: 'OK' }],
    ['ErrorCode as a string', { ActionStatus: 'OK', ErrorCode: '0' }],
    ['fractional ErrorCode', { ActionStatus: 'FAIL', ErrorCode: 1.5 }],
    ['non-finite ErrorCode', { ActionStatus: 'FAIL', ErrorCode: Number.POSITIVE_INFINITY }],
    ['ErrorInfo not a string', { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: 3 }],
    ['RequestId not a string', { ActionStatus: 'OK', ErrorCode: 0, RequestId: 7 }],
  ])('rejects %s', (_label, value) => {
    expect(v.safeParse(TencentEnvelopeSchema, value).success).toBe(false);
  });
});

describe('envelopeWithResponse', () => {
  const schema = envelopeWithResponse(v.object({ Token: v.string(), IsTokenEnable: v.boolean() }));

  it('validates the nested Response and keeps the envelope fields', () => {
    const parsed = v.parse(schema, {
      ActionStatus: 'OK',
      ErrorCode: 0,
      RequestId: 'Id-2',
      Response: { Token: 't', IsTokenEnable: true },
    });
    expect(parsed.Response).toEqual({ Token: 't', IsTokenEnable: true });
    expect(parsed.ErrorInfo).toBe('');
    expect(parsed.RequestId).toBe('Id-2');
  });

  it('requires Response and checks its shape', () => {
    expect(v.safeParse(schema, { ActionStatus: 'OK', ErrorCode: 0 }).success).toBe(false);
    expect(v.safeParse(schema, { ActionStatus: 'OK', ErrorCode: 0, Response: { Token: 1, IsTokenEnable: true } }).success).toBe(false);
  });

  it('still rejects a broken envelope around a valid Response', () => {
    expect(v.safeParse(schema, { ActionStatus: 'MAYBE', ErrorCode: 0, Response: { Token: 't', IsTokenEnable: true } }).success).toBe(false);
  });
});

// The schemas carry explicit types (JSR rejects inferred ones in a public API); these pin what they infer.
describe('envelope schema types', () => {
  it('TencentEnvelopeSchema outputs ErrorInfo always, accepts it optionally, and keeps extra fields', () => {
    expectTypeOf<TencentEnvelope>().toEqualTypeOf<
      { ActionStatus: 'OK' | 'FAIL'; ErrorCode: number; ErrorInfo: string; RequestId?: string | undefined } & { [key: string]: unknown }
    >();
    expectTypeOf<v.InferInput<typeof TencentEnvelopeSchema>>().toEqualTypeOf<
      { ActionStatus: 'OK' | 'FAIL'; ErrorCode: number; ErrorInfo?: string | undefined; RequestId?: string | undefined } & {
        [key: string]: unknown;
      }
    >();
    expectTypeOf(TencentEnvelopeSchema.entries.ActionStatus.options).toEqualTypeOf<['OK', 'FAIL']>();
  });

  it("envelopeWithResponse adds the Response schema's types to the envelope fields", () => {
    const schema = envelopeWithResponse(
      v.object({
        Token: v.string(),
        Length: v.pipe(
          v.string(),
          v.transform((text) => text.length),
        ),
      }),
    );
    expectTypeOf<v.InferOutput<typeof schema>>().toEqualTypeOf<
      {
        ActionStatus: 'OK' | 'FAIL';
        ErrorCode: number;
        ErrorInfo: string;
        RequestId?: string | undefined;
        Response: { Token: string; Length: number };
      } & { [key: string]: unknown }
    >();
    expectTypeOf<v.InferInput<typeof schema>>().toEqualTypeOf<
      {
        ActionStatus: 'OK' | 'FAIL';
        ErrorCode: number;
        ErrorInfo?: string | undefined;
        RequestId?: string | undefined;
        Response: { Token: string; Length: string };
      } & { [key: string]: unknown }
    >();
    expectTypeOf(schema.entries.Response.entries.Token).toEqualTypeOf<v.StringSchema<undefined>>();
  });
});
