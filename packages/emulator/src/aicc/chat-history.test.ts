import { describe, expect, it } from 'vitest';
import type { ChatHistoryMessage } from './chat-message.js';
import { createHarness, OTHER_CHANNEL, TEST_CHANNEL } from '../../test/aicc-harness.js';

async function history(harness: ReturnType<typeof createHarness>, token: string, body: Record<string, unknown>) {
  const response = await harness.call('queryHistoryChatMessage', {
    token,
    body: { channelId: TEST_CHANNEL, userId: 'user-1', channel: 'WEB', ...body },
  });
  return (await response.json()) as { resultCode: string; resultDesc: string; messageList?: ChatHistoryMessage[] };
}

describe('queryHistoryChatMessage', () => {
  it('pages through the messages oldest first with string limit and offset', async () => {
    const harness = createHarness();
    const token = await harness.connectedUser('user-1');
    for (const word of ['one', 'two', 'three']) {
      harness.clock.advance(1000);
      await harness.send(token, 'user-1', 'CHAT', { content: word });
    }
    // greeting (2) + 3 × (question + answer) = 8 messages
    const first = await history(harness, token, { limit: '3', offset: '0' });
    expect(first.resultCode).toBe('0');
    expect(first.messageList?.map((message) => message.content.slice(0, 18))).toEqual([
      'connected to robot',
      expect.stringContaining('Hello'),
      'one',
    ]);
    const second = await history(harness, token, { limit: '3', offset: '3' });
    expect(second.messageList?.map((message) => message.sourceType)).toEqual(['ROBOT', 'CUSTOMER', 'ROBOT']);
    expect(second.messageList?.[1]).toMatchObject({
      content: 'two',
      from: 'user-1',
      to: TEST_CHANNEL,
      controlType: 'CHAT',
      mediaType: 'TEXT',
    });
    expect((await history(harness, token, { limit: '3', offset: '6' })).messageList).toHaveLength(2);
    expect((await history(harness, token, { limit: '3', offset: '9' })).messageList).toEqual([]);
  });

  it('filters by startTime and endTime (inclusive) and keeps channels apart', async () => {
    const harness = createHarness();
    const token = await harness.connectedUser('user-1');
    const start = harness.clock.now();
    harness.clock.advance(1000);
    await harness.send(token, 'user-1', 'CHAT', { content: 'later' });
    const window = await history(harness, token, {
      limit: '10',
      offset: '0',
      startTime: String(start + 1000),
      endTime: String(start + 1000),
    });
    expect(window.messageList?.map((message) => message.sourceType)).toEqual(['CUSTOMER', 'ROBOT']);
    const before = await history(harness, token, { limit: '10', offset: '0', endTime: String(start) });
    expect(before.messageList).toHaveLength(2);

    const otherToken = await harness.applyToken('user-1', { channelId: OTHER_CHANNEL });
    const response = await harness.call('queryHistoryChatMessage', {
      token: otherToken,
      body: { channelId: OTHER_CHANNEL, userId: 'user-1', limit: '10', offset: '0' },
    });
    expect(await response.json()).toMatchObject({ resultCode: '0', messageList: [] });
  });

  it.each([
    ['a numeric limit', { limit: 10, offset: '0' }, 'limit'],
    ['a numeric offset', { limit: '10', offset: 0 }, 'offset'],
    ['a zero limit', { limit: '0', offset: '0' }, 'limit'],
    ['a limit over 100', { limit: '101', offset: '0' }, 'limit'],
    ['a negative offset', { limit: '10', offset: '-1' }, 'offset'],
    ['a missing limit', { offset: '0' }, 'limit'],
    ['startTime after endTime', { limit: '10', offset: '0', startTime: '2000', endTime: '1000' }, 'startTime'],
    ['a non-numeric startTime', { limit: '10', offset: '0', startTime: 'today' }, 'startTime'],
    ['another user', { limit: '10', offset: '0', userId: 'user-2' }, 'userId'],
    ['another channel', { limit: '10', offset: '0', channelId: OTHER_CHANNEL }, 'channelId'],
    ['channel APP', { limit: '10', offset: '0', channel: 'APP' }, 'channel'],
  ])('refuses %s with resultCode "1"', async (_label, body, field) => {
    const harness = createHarness();
    const token = await harness.connectedUser('user-1');
    const result = await history(harness, token, body);
    expect(result.resultCode).toBe('1');
    expect(result.resultDesc).toContain(field);
    expect(result.messageList).toBeUndefined();
  });
});
