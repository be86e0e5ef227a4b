import * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  AiccUserSchema,
  querySurveyMode,
  readDownlinkMessage,
  readHistoryMessage,
  type AiccSession,
  type AiccUser,
  type DownlinkMessage,
  type HistoryMessage,
  type HistoryPage,
  type PollResult,
  type SatisfactionSurvey,
  type SendResult,
} from './index.js';

// The public data shapes are plain interfaces, checked against the internal schemas by the compiler
// (v.GenericSchema<unknown, T>, entries `satisfies EntriesOf<T>`). These pin what users get from the API.

describe('public types', () => {
  it('the session and the readers return the exported types', () => {
    expectTypeOf<AiccSession['poll']>().returns.resolves.toEqualTypeOf<PollResult>();
    expectTypeOf<PollResult['messages']>().toEqualTypeOf<readonly DownlinkMessage[]>();
    expectTypeOf<AiccSession['history']>().returns.resolves.toEqualTypeOf<HistoryPage>();
    expectTypeOf<HistoryPage['messages']>().toEqualTypeOf<readonly HistoryMessage[]>();
    expectTypeOf<AiccSession['send']>().returns.resolves.toEqualTypeOf<SendResult>();
    expectTypeOf(querySurveyMode).returns.resolves.toEqualTypeOf<SatisfactionSurvey>();
    expectTypeOf(readDownlinkMessage).returns.toEqualTypeOf<DownlinkMessage>();
    expectTypeOf(readHistoryMessage).returns.toEqualTypeOf<HistoryMessage>();
  });

  it('messages: documented enumerations offered and open to new values, unknown fields kept', () => {
    expectTypeOf<'TEXT'>().toMatchTypeOf<NonNullable<DownlinkMessage['mediaType']>>();
    expectTypeOf<'A_NEW_VALUE'>().toMatchTypeOf<NonNullable<DownlinkMessage['mediaType']>>();
    expectTypeOf<'CUSTOMER'>().toMatchTypeOf<NonNullable<HistoryMessage['sourceType']>>();
    expectTypeOf<DownlinkMessage['aFieldAiccAddsLater']>().toEqualTypeOf<unknown>();
  });

  it('AiccUserSchema checks an AiccUser, with valibot or as a Standard Schema', async () => {
    expectTypeOf<v.InferInput<typeof AiccUserSchema>>().toEqualTypeOf<unknown>();
    expectTypeOf<v.InferOutput<typeof AiccUserSchema>>().toEqualTypeOf<AiccUser>();
    expectTypeOf<NonNullable<(typeof AiccUserSchema)['~standard']['types']>['output']>().toEqualTypeOf<AiccUser>();
    // A type alias, so that a user fits where a JSON object is expected.
    expectTypeOf<AiccUser>().toMatchTypeOf<Record<string, unknown>>();
    const user = { userId: 'user-42', userName: 'Ada', channelId: 'web-channel-1', locale: 'zh_CN' };
    expect(v.parse(AiccUserSchema, user)).toEqual(user);
    const result = await AiccUserSchema['~standard'].validate({ ...user, userId: '', locale: 'english' });
    expect(result.issues?.map((issue) => issue.path?.map((segment) => (typeof segment === 'object' ? segment.key : segment)))).toEqual([
      ['userId'],
      ['locale'],
    ]);
  });
});
