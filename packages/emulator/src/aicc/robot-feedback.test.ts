import { describe, expect, it } from 'vitest';
import { createHarness } from '../../test/aicc-harness.js';

async function feedback(harness: ReturnType<typeof createHarness>, token: string, body: Record<string, unknown>) {
  const response = await harness.call('v1/robot/feedbacksatisfaction', { token, body: { from: 'user-1', ...body } });
  return (await response.json()) as { resultCode: string; resultDesc: string };
}

describe('v1/robot/feedbacksatisfaction', () => {
  it('records satisfied and dissatisfied feedback on robot answers', async () => {
    const harness = createHarness();
    const token = await harness.connectedUser('user-1');
    await harness.send(token, 'user-1', 'CHAT', { content: 'refund' });
    const [answer] = (await harness.poll(token, 'user-1')).downlinkMessages;
    expect(await feedback(harness, token, { feedback: 1, interIdx: answer!.interIdx })).toEqual({
      resultCode: '0',
      resultDesc: 'feedback satisfaction success.',
    });
    expect(await feedback(harness, token, { feedback: 0, feedbackContent: 'Too slow', interIdx: 1 })).toMatchObject({ resultCode: '0' });
    const callId = harness.aicc.state.sessions.get('user-1')?.callId;
    expect(harness.aicc.state.robotFeedbacks).toEqual([
      { userId: 'user-1', callId, interIdx: '2', feedback: 1, savedAt: harness.clock.now() },
      { userId: 'user-1', callId, interIdx: '1', feedback: 0, feedbackContent: 'Too slow', savedAt: harness.clock.now() },
    ]);
  });

  it('answers 30000000008 when dissatisfied without content', async () => {
    const harness = createHarness();
    const token = await harness.connectedUser('user-1');
    for (const feedbackContent of [undefined, '', '   ']) {
      expect(await feedback(harness, token, { feedback: 0, feedbackContent, interIdx: '1' })).toMatchObject({ resultCode: '30000000008' });
    }
    expect(harness.aicc.state.robotFeedbacks).toEqual([]);
  });

  it('answers 30000000019 without a robot session or for an unknown interIdx', async () => {
    const harness = createHarness();
    const token = await harness.applyToken('user-1');
    expect(await feedback(harness, token, { feedback: 1, interIdx: '1' })).toMatchObject({ resultCode: '30000000019' });
    await harness.send(token, 'user-1', 'CONNECT');
    expect(await feedback(harness, token, { feedback: 1, interIdx: '99' })).toMatchObject({ resultCode: '30000000019' });
    await harness.send(token, 'user-1', 'TRANS2AGENT');
    expect(await feedback(harness, token, { feedback: 1, interIdx: '1' })).toMatchObject({ resultCode: '30000000019' });
    harness.aicc.joinAgent('user-1');
    expect(await feedback(harness, token, { feedback: 1, interIdx: '1' })).toMatchObject({ resultCode: '30000000019' });
    expect(harness.aicc.state.robotFeedbacks).toEqual([]);
  });

  it.each([
    ['feedback "1" as a string', { feedback: '1', interIdx: '1' }],
    ['feedback 2', { feedback: 2, interIdx: '1' }],
    ['feedbackContent over 64 characters', { feedback: 0, feedbackContent: 'x'.repeat(65), interIdx: '1' }],
    ['a numeric feedbackContent', { feedback: 0, feedbackContent: 5, interIdx: '1' }],
    ['no interIdx', { feedback: 1 }],
  ])('answers 30010009999 for %s', async (_label, body) => {
    const harness = createHarness();
    const token = await harness.connectedUser('user-1');
    expect(await feedback(harness, token, body)).toMatchObject({ resultCode: '30010009999' });
  });

  it('answers 10010000001 when from is not the token user', async () => {
    const harness = createHarness();
    const token = await harness.connectedUser('user-1');
    expect(await feedback(harness, token, { from: 'user-2', feedback: 1, interIdx: '1' })).toMatchObject({ resultCode: '10010000001' });
  });
});
