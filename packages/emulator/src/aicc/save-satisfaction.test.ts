import { describe, expect, it } from 'vitest';
import { createHarness, OTHER_CHANNEL, TEST_CHANNEL } from '../../test/aicc-harness.js';

const validBody = { channel: 'WEB', userId: 'user-1', evaluation: '4', comment: 'Helpful', channelConfigId: TEST_CHANNEL };

async function agentSession(harness: ReturnType<typeof createHarness>): Promise<string> {
  const token = await harness.connectedUser('user-1');
  await harness.send(token, 'user-1', 'TRANS2AGENT');
  harness.aicc.joinAgent('user-1');
  return token;
}

describe('saveSatisfaction', () => {
  it('saves a rating of the agent session, with optional npsScore and fcrValue as the strings AICC types them', async () => {
    const harness = createHarness();
    const token = await agentSession(harness);
    const response = await harness.call('saveSatisfaction', { token, body: { ...validBody, npsScore: '9', fcrValue: '1' } });
    expect(await response.json()).toEqual({ resultCode: '0', resultDesc: 'Save satisfaction success!' });
    const callId = harness.aicc.state.sessions.get('user-1')?.callId;
    expect(harness.aicc.state.satisfactions).toEqual([
      {
        userId: 'user-1',
        channelConfigId: TEST_CHANNEL,
        callId,
        evaluation: '4',
        comment: 'Helpful',
        npsScore: '9',
        fcrValue: '1',
        savedAt: harness.clock.now(),
      },
    ]);
  });

  it('still accepts the rating after the agent session ended', async () => {
    const harness = createHarness();
    const token = await agentSession(harness);
    await harness.send(token, 'user-1', 'DISCONNECT');
    expect(await (await harness.call('saveSatisfaction', { token, body: validBody })).json()).toMatchObject({ resultCode: '0' });
  });

  it('answers "13" The callIdString obtained failed! without an agent session', async () => {
    const harness = createHarness();
    const token = await harness.connectedUser('user-1');
    expect(await (await harness.call('saveSatisfaction', { token, body: validBody })).json()).toEqual({
      resultCode: '13',
      resultDesc: 'The callIdString obtained failed!',
    });
    await harness.send(token, 'user-1', 'TRANS2AGENT');
    expect(await (await harness.call('saveSatisfaction', { token, body: validBody })).json()).toMatchObject({ resultCode: '13' });
    expect(harness.aicc.state.satisfactions).toEqual([]);
  });

  it.each([
    ['evaluation "6"', { evaluation: '6' }],
    ['a numeric evaluation', { evaluation: 5 }],
    ['a comment of 512 characters', { comment: 'x'.repeat(512) }],
    ['no comment (mandatory in cec_07_2226 and cec_05_2026)', { comment: undefined }],
    ['a comment that is not a string', { comment: null }],
    ['npsScore "10"', { npsScore: '10' }],
    ['a numeric npsScore (typed String)', { npsScore: 9 }],
    ['a numeric fcrValue (typed String)', { fcrValue: 1 }],
    ['fcrValue "3"', { fcrValue: '3' }],
    ['channel APP', { channel: 'APP' }],
    ['another userId', { userId: 'user-2' }],
    ['another channelConfigId', { channelConfigId: OTHER_CHANNEL }],
    ['the wrapped satisfication form', { satisfication: { evaluation: '4' }, evaluation: undefined }],
  ])('answers "13" Save satisfaction failed for %s', async (_label, change) => {
    const harness = createHarness();
    const token = await agentSession(harness);
    const body = (await (await harness.call('saveSatisfaction', { token, body: { ...validBody, ...change } })).json()) as Record<
      string,
      string
    >;
    expect(body.resultCode).toBe('13');
    expect(body.resultDesc).toMatch(/^Save satisfaction failed/);
    expect(harness.aicc.state.satisfactions).toEqual([]);
  });

  it('accepts an empty comment, the one to send when the user wrote none', async () => {
    const harness = createHarness();
    const token = await agentSession(harness);
    expect(await (await harness.call('saveSatisfaction', { token, body: { ...validBody, comment: '' } })).json()).toMatchObject({
      resultCode: '0',
    });
    expect(harness.aicc.state.satisfactions).toMatchObject([{ comment: '' }]);
  });

  it('names the missing comment in resultDesc', async () => {
    const harness = createHarness();
    const token = await agentSession(harness);
    const { comment: _comment, ...withoutComment } = validBody;
    const body = (await (await harness.call('saveSatisfaction', { token, body: withoutComment })).json()) as Record<string, string>;
    expect(body).toEqual({ resultCode: '13', resultDesc: expect.stringContaining('comment is required') });
  });

  it('accepts a comment of 511 characters', async () => {
    const harness = createHarness();
    const token = await agentSession(harness);
    expect(
      await (await harness.call('saveSatisfaction', { token, body: { ...validBody, comment: 'x'.repeat(511) } })).json(),
    ).toMatchObject({ resultCode: '0' });
  });
});
