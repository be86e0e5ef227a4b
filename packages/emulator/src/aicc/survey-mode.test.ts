import { describe, expect, it } from 'vitest';
import { createHarness } from '../../test/aicc-harness.js';

describe('getsatisfactionsurveymode', () => {
  it('returns surveyType WEB with five levels and the three questions', async () => {
    const harness = createHarness();
    const token = await harness.applyToken('user-1');
    const body = await (await harness.call('getsatisfactionsurveymode', { token, body: { language: 'en_US' } })).json();
    expect(body).toEqual({
      resultCode: '0',
      resultDesc: 'get satisfaction survey mode success.',
      satisfactionSurvey: {
        surveyType: 'WEB',
        satisfactionLevel: [
          { satisfactionLevelKey: '1', satisfactionLevelDesc: 'Very dissatisfied' },
          { satisfactionLevelKey: '2', satisfactionLevelDesc: 'Dissatisfied' },
          { satisfactionLevelKey: '3', satisfactionLevelDesc: 'Neutral' },
          { satisfactionLevelKey: '4', satisfactionLevelDesc: 'Satisfied' },
          { satisfactionLevelKey: '5', satisfactionLevelDesc: 'Very satisfied' },
        ],
        satisfactionQuestion: ['FCR', 'NPS', 'CSAT'],
      },
    });
  });

  it('localizes to zh_CN, and defaults to the token locale when language is empty', async () => {
    const harness = createHarness();
    const token = await harness.applyToken('user-1', { locale: 'zh_CN' });
    type Survey = { satisfactionSurvey: { satisfactionLevel: { satisfactionLevelDesc: string }[] } };
    const chinese = (await (await harness.call('getsatisfactionsurveymode', { token, body: { language: '' } })).json()) as Survey;
    expect(chinese.satisfactionSurvey.satisfactionLevel[4]?.satisfactionLevelDesc).toBe('非常满意');
    const english = (await (await harness.call('getsatisfactionsurveymode', { token, body: { language: 'pt_BR' } })).json()) as Survey;
    expect(english.satisfactionSurvey.satisfactionLevel[0]?.satisfactionLevelDesc).toBe('Very dissatisfied');
  });

  it.each(['de_DE', 'en', 42])('answers resultCode "13" for language %j', async (language) => {
    const harness = createHarness();
    const token = await harness.applyToken('user-1');
    const body = await (await harness.call('getsatisfactionsurveymode', { token, body: { language } })).json();
    expect(body).toMatchObject({ resultCode: '13' });
    expect(body).not.toHaveProperty('satisfactionSurvey');
  });
});
