import { describe, expect, it } from 'vitest';
import { createHarness, OTHER_CHANNEL, TEST_CHANNEL } from '../../test/aicc-harness.js';

async function queueInfo(harness: ReturnType<typeof createHarness>, token: string, body: Record<string, unknown>) {
  const response = await harness.call('queryQueueInfo', { token, body: { channelConfigId: TEST_CHANNEL, channel: 'WEB', ...body } });
  return (await response.json()) as Record<string, unknown>;
}

describe('queryQueueInfo', () => {
  it('answers 160004 before CONNECT and while the robot has the session', async () => {
    const harness = createHarness();
    const token = await harness.applyToken('user-1');
    expect(await queueInfo(harness, token, { userId: 'user-1' })).toMatchObject({ resultCode: '160004' });
    await harness.send(token, 'user-1', 'CONNECT');
    expect(await queueInfo(harness, token, { userId: 'user-1' })).toMatchObject({ resultCode: '160004' });
  });

  it('reports position and wait times while queued, per channel, from the injected clock', async () => {
    const harness = createHarness();
    const first = await harness.connectedUser('user-1');
    const second = await harness.connectedUser('user-2');
    const elsewhere = await harness.applyToken('user-3', { channelId: OTHER_CHANNEL });
    await harness.call('send', {
      token: elsewhere,
      body: { channel: 'WEB', controlType: 'CONNECT', from: 'user-3', to: OTHER_CHANNEL, mediaType: 'TEXT', sourceType: 'CUSTOMER' },
    });
    await harness.call('send', {
      token: elsewhere,
      body: { channel: 'WEB', controlType: 'TRANS2AGENT', from: 'user-3', to: OTHER_CHANNEL, mediaType: 'TEXT', sourceType: 'CUSTOMER' },
    });
    await harness.send(first, 'user-1', 'TRANS2AGENT');
    harness.clock.advance(30_000);
    await harness.send(second, 'user-2', 'TRANS2AGENT');
    harness.clock.advance(12_500);

    expect(await queueInfo(harness, first, { userId: 'user-1' })).toEqual({
      resultCode: '0',
      resultDesc: 'query queue info success.',
      position: 1,
      totalWaitTime: 42,
      currentDeviceWaitTime: 42,
      configMaxcWaitTime: 600,
      longestWaitTime: 42,
      estimateWaitTime: 60,
    });
    expect(await queueInfo(harness, second, { userId: 'user-2' })).toMatchObject({
      resultCode: '0',
      position: 2,
      totalWaitTime: 12,
      longestWaitTime: 42,
      estimateWaitTime: 120,
    });

    harness.aicc.joinAgent('user-1');
    expect(await queueInfo(harness, first, { userId: 'user-1' })).toMatchObject({ resultCode: '160021' });
    expect(await queueInfo(harness, second, { userId: 'user-2' })).toMatchObject({ resultCode: '0', position: 1 });
    await harness.send(second, 'user-2', 'DISCONNECT');
    expect(await queueInfo(harness, second, { userId: 'user-2' })).toMatchObject({ resultCode: '5' });
    expect(harness.aicc.state.agentQueue).toEqual(['user-3']);
  });

  it('answers 3 for another user and 1 for bad parameters', async () => {
    const harness = createHarness();
    const token = await harness.connectedUser('user-1');
    await harness.send(token, 'user-1', 'TRANS2AGENT');
    expect(await queueInfo(harness, token, { userId: 'user-2' })).toMatchObject({ resultCode: '3' });
    expect(await queueInfo(harness, token, { userId: 'user-1', channel: 'APP' })).toMatchObject({
      resultCode: '1',
      resultDesc: expect.stringContaining('channel'),
    });
    expect(await queueInfo(harness, token, { userId: 'user-1', channelConfigId: OTHER_CHANNEL })).toMatchObject({ resultCode: '1' });
    expect(await queueInfo(harness, token, { userId: 'u'.repeat(33) })).toMatchObject({ resultCode: '1' });
    expect(await queueInfo(harness, token, {})).toMatchObject({ resultCode: '1', resultDesc: expect.stringContaining('userId') });
  });
});
