import { describe, expect, it } from 'vitest';
import { createHarness } from '../../test/aicc-harness.js';

async function phrases(body: Record<string, unknown>) {
  const harness = createHarness();
  const token = await harness.applyToken('user-1');
  return (await (await harness.call('queryPhraseByKeyword', { token, body })).json()) as {
    resultCode: string;
    resultDesc: string;
    question?: string[];
  };
}

describe('queryPhraseByKeyword', () => {
  it('returns at most five matching questions, those starting with the keyword first', async () => {
    const body = await phrases({ strContent: 'HOW', locale: 'en', channel: 'WEB' });
    expect(body.resultCode).toBe('0');
    expect(body.question).toHaveLength(5);
    expect(body.question?.every((question) => question.startsWith('How'))).toBe(true);
    const password = await phrases({ strContent: 'password', locale: 'en', channel: 'WEB' });
    expect(password.question).toEqual(['How do I reset my password?', 'How do I change my password?']);
  });

  it('uses the catalogue of the locale and returns an empty list without matches', async () => {
    expect((await phrases({ strContent: '密码', locale: 'zh', channel: 'WEB' })).question).toEqual(['如何重置密码？', '如何修改密码？']);
    expect((await phrases({ strContent: 'password', locale: 'zh', channel: 'WEB' })).question).toEqual([]);
    expect((await phrases({ strContent: 'xylophone', locale: 'en', channel: 'WEB' })).question).toEqual([]);
  });

  it.each([
    ['a missing strContent', { locale: 'en', channel: 'WEB' }, 'request is no exsit'],
    ['a numeric strContent', { strContent: 5, locale: 'en', channel: 'WEB' }, 'request is no exsit'],
    ['a missing locale', { strContent: 'order', channel: 'WEB' }, 'locale is error'],
    ['a malformed locale', { strContent: 'order', locale: 'english', channel: 'WEB' }, 'locale is error'],
    ['an unsupported language', { strContent: 'order', locale: 'fr', channel: 'WEB' }, 'locale is error'],
    [
      'a locale with a country code (cec_05_2045 wants zh, not zh_CN)',
      { strContent: '密码', locale: 'zh_CN', channel: 'WEB' },
      'locale is error',
    ],
    ['a locale with a region after a dash', { strContent: 'order', locale: 'en-US', channel: 'WEB' }, 'locale is error'],
    ['channel APP', { strContent: 'order', locale: 'en', channel: 'APP' }, 'channel must be WEB.'],
  ])('answers resultCode "1" for %s', async (_label, body, resultDesc) => {
    expect(await phrases(body)).toEqual({ resultCode: '1', resultDesc });
  });
});
