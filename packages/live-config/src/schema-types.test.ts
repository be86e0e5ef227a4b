import type * as v from 'valibot';
import { describe, expectTypeOf, it } from 'vitest';
import type { CallbackAckBody } from './callback-ack.js';
import type { CallbackConfigurationSchema } from './callback-configuration-schema.js';
import type { CallbackTokenSchema } from './callback-token-schema.js';
import type { CallbackTokenConfiguration, CallbackTokenResponseSchema } from './get-callback-token.js';
import type { CallbackConfigurationResponse, CallbackConfigurationResponseSchema } from './get-callback.js';
import type { CallbackCommand } from './known-callback-commands.js';

// These schemas carry explicit types (JSR rejects inferred ones in a public API); these pin what they infer, so
// an edit of an annotation cannot change them unnoticed.

describe('schema types', () => {
  it('callback token and token settings', () => {
    expectTypeOf<v.InferInput<typeof CallbackTokenSchema>>().toEqualTypeOf<string>();
    expectTypeOf<v.InferOutput<typeof CallbackTokenSchema>>().toEqualTypeOf<string>();
  });

  it('the Response of get_callback_token and get_callback, renamed', () => {
    expectTypeOf<v.InferInput<typeof CallbackTokenResponseSchema>>().toEqualTypeOf<{ Token: string; IsTokenEnable: boolean }>();
    expectTypeOf<CallbackTokenConfiguration>().toEqualTypeOf<{ token: string; enabled: boolean }>();
    expectTypeOf<v.InferInput<typeof CallbackConfigurationResponseSchema>>().toEqualTypeOf<{
      Url: string;
      CallbackCommandList: string[];
    }>();
    expectTypeOf<CallbackConfigurationResponse>().toEqualTypeOf<{ url: string; commands: CallbackCommand[] }>();
  });

  it('callback configuration input and the callback answer body', () => {
    expectTypeOf<v.InferInput<typeof CallbackConfigurationSchema>>().toEqualTypeOf<{ url: string; commands: string[] }>();
    expectTypeOf<v.InferOutput<typeof CallbackConfigurationSchema>>().toEqualTypeOf<{ url: string; commands: string[] }>();
    expectTypeOf<CallbackAckBody>().toEqualTypeOf<{ ActionStatus: 'OK' | 'FAIL'; ErrorCode: number; ErrorInfo: string }>();
  });
});
