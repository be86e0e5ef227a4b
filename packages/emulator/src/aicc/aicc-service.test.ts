import { ValidationError } from '@tokenwire/core';
import { describe, expect, it } from 'vitest';
import { createAiccService } from './aicc-service.js';
import { createHarness, TEST_APP_KEY, TEST_BASE_URL, TEST_CHANNEL } from '../../test/aicc-harness.js';

describe('a full chat session', () => {
  it('goes from applyToken through robot, queue and agent to DISCONNECT', async () => {
    const harness = createHarness({ pollHoldMs: 2000, agent: { joinDelayMs: 150 } });
    const { aicc, clock } = harness;
    const token = await harness.applyToken('user-1', { userName: 'Ada' });

    expect(await harness.send(token, 'user-1', 'CONNECT')).toEqual({ resultCode: '0', resultDesc: 'connect to robot successfully.' });
    const greeting = (await harness.poll(token, 'user-1')).downlinkMessages;
    expect(greeting).toHaveLength(2);
    expect(greeting[0]).toMatchObject({
      channel: 'WEB',
      from: TEST_CHANNEL,
      to: 'user-1',
      controlType: 'CONNECT',
      sourceType: 'ROBOT',
      mediaType: 'TEXT',
      content: 'connected to robot',
      isOfflineStatus: false,
      queueFlag: 'N',
      timestamp: clock.now(),
    });
    expect(greeting[1]).toMatchObject({
      controlType: 'CHAT',
      sourceType: 'ROBOT',
      content: expect.stringContaining('Hello Ada'),
      interIdx: '1',
    });
    const callId = greeting[0]!.callId;
    expect(greeting[1]!.callId).toBe(callId);
    expect(new Set(greeting.map((message) => message.messageCode)).size).toBe(2);

    clock.advance(1000);
    expect(await harness.send(token, 'user-1', 'CHAT', { content: 'How do I track my order?' })).toMatchObject({ resultCode: '0' });
    const [reply] = (await harness.poll(token, 'user-1')).downlinkMessages;
    expect(reply).toMatchObject({ sourceType: 'ROBOT', content: expect.stringContaining('tracking number'), interIdx: '2' });

    expect(await harness.send(token, 'user-1', 'TRANS2AGENT')).toEqual({ resultCode: '0', resultDesc: 'transfer to agent successfully.' });
    const [queuing] = (await harness.poll(token, 'user-1')).downlinkMessages;
    expect(queuing).toMatchObject({ sourceType: 'SYSTEM', senderNickname: 'system', content: 'Queuing...', queueFlag: 'Y' });

    clock.advance(15_000);
    const queue = await harness.call('queryQueueInfo', {
      token,
      body: { userId: 'user-1', channelConfigId: TEST_CHANNEL, channel: 'WEB' },
    });
    expect(await queue.json()).toMatchObject({ resultCode: '0', position: 1, totalWaitTime: 15, currentDeviceWaitTime: 15 });

    // The long poll wakes when the agent joins (after 150 ms of real time).
    const joined = (await harness.poll(token, 'user-1')).downlinkMessages;
    expect(joined).toEqual([
      expect.objectContaining({
        controlType: 'CONNECT',
        sourceType: 'AGENT',
        content: 'connected to agent',
        senderNickname: 'Agent Alice',
      }),
    ]);
    const afterJoin = await harness.call('queryQueueInfo', {
      token,
      body: { userId: 'user-1', channelConfigId: TEST_CHANNEL, channel: 'WEB' },
    });
    expect(await afterJoin.json()).toMatchObject({ resultCode: '160021' });

    expect(await harness.send(token, 'user-1', 'CHAT', { content: 'My parcel is late' })).toEqual({
      resultCode: '0',
      resultDesc: 'Send message to agent successfully',
    });
    const agentAnswer = (await harness.poll(token, 'user-1')).downlinkMessages;
    expect(agentAnswer).toEqual([
      expect.objectContaining({ sourceType: 'AGENT', controlType: 'CHAT', content: expect.stringContaining('My parcel is late') }),
    ]);

    const saved = await harness.call('saveSatisfaction', {
      token,
      body: { channel: 'WEB', userId: 'user-1', evaluation: '5', comment: 'Great', channelConfigId: TEST_CHANNEL },
    });
    expect(await saved.json()).toEqual({ resultCode: '0', resultDesc: 'Save satisfaction success!' });

    expect(await harness.send(token, 'user-1', 'DISCONNECT')).toEqual({ resultCode: '0', resultDesc: 'disconnect successfully.' });
    const final = (await harness.poll(token, 'user-1')).downlinkMessages;
    expect(final).toEqual([expect.objectContaining({ controlType: 'DISCONNECT', sourceType: 'SYSTEM', isOfflineStatus: true, callId })]);
    expect(aicc.state.sessions.get('user-1')).toMatchObject({ status: 'closed', callId, closedAt: clock.now() });
    expect(aicc.state.satisfactions).toEqual([expect.objectContaining({ callId, evaluation: '5', comment: 'Great' })]);

    const history = await harness.call('queryHistoryChatMessage', {
      token,
      body: { channelId: TEST_CHANNEL, userId: 'user-1', limit: '50', offset: '0', channel: 'WEB' },
    });
    const { messageList } = (await history.json()) as { messageList: { sourceType: string; content: string }[] };
    expect(messageList.map((message) => message.sourceType)).toEqual([
      'ROBOT',
      'ROBOT',
      'CUSTOMER',
      'ROBOT',
      'SYSTEM',
      'AGENT',
      'CUSTOMER',
      'AGENT',
      'SYSTEM',
    ]);
  });

  it('stays queued without an agent until joinAgent is called', async () => {
    const harness = createHarness();
    const token = await harness.connectedUser('user-1');
    await harness.send(token, 'user-1', 'TRANS2AGENT');
    expect(await harness.send(token, 'user-1', 'TRANS2AGENT')).toMatchObject({
      resultCode: '0',
      resultDesc: expect.stringContaining('already'),
    });
    expect(await harness.send(token, 'user-1', 'CHAT', { content: 'anyone?' })).toMatchObject({
      resultDesc: expect.stringContaining('queuing'),
    });
    expect((await harness.poll(token, 'user-1')).downlinkMessages.map((message) => message.content)).toEqual(['Queuing...']);
    expect(harness.aicc.state.agentQueue).toEqual(['user-1']);
    expect(harness.aicc.joinAgent('user-1')).toBe(true);
    expect(harness.aicc.joinAgent('user-1')).toBe(false);
    expect(harness.aicc.state.agentQueue).toEqual([]);
    expect((await harness.poll(token, 'user-1')).downlinkMessages.map((message) => message.content)).toEqual(['connected to agent']);
  });

  it('drops a pending robot answer when the session ends first', async () => {
    const harness = createHarness({ robotReplyDelayMs: 30 });
    const token = await harness.connectedUser('user-1');
    await harness.send(token, 'user-1', 'CHAT', { content: 'refund' });
    await harness.send(token, 'user-1', 'DISCONNECT');
    await new Promise((resolve) => setTimeout(resolve, 60));
    const messages = (await harness.poll(token, 'user-1')).downlinkMessages;
    expect(messages.map((message) => message.controlType)).toEqual(['DISCONNECT']);
  });

  it('ends a session from the service side with endSession', async () => {
    const harness = createHarness();
    const token = await harness.connectedUser('user-1');
    expect(harness.aicc.endSession('user-1', 'the agent closed the chat.')).toBe(true);
    expect(harness.aicc.endSession('user-1')).toBe(false);
    expect(harness.aicc.endSession('nobody')).toBe(false);
    const [last] = (await harness.poll(token, 'user-1')).downlinkMessages;
    expect(last).toMatchObject({ isOfflineStatus: true, content: 'the agent closed the chat.' });
    expect(await harness.send(token, 'user-1', 'CHAT', { content: 'hello?' })).toMatchObject({ resultCode: '5' });
  });

  it('refuses pushMessage for a user who never connected', () => {
    const { aicc } = createHarness();
    expect(() => aicc.pushMessage('nobody', { content: 'hi' })).toThrow(ValidationError);
  });

  it('cancels pending robot and agent actions on close', async () => {
    const harness = createHarness({ robotReplyDelayMs: 30, agent: { joinDelayMs: 30 } });
    const token = await harness.connectedUser('user-1');
    await harness.send(token, 'user-1', 'CHAT', { content: 'hello' });
    await harness.send(token, 'user-1', 'TRANS2AGENT');
    harness.aicc.close();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(harness.aicc.state.pendingMessages.get('user-1')?.map((message) => message.content)).toEqual(['Queuing...']);
    expect(harness.aicc.state.sessions.get('user-1')?.status).toBe('queued');
  });
});

describe('routing', () => {
  it('leaves paths outside /apigovernance/ and /apiaccess/ to other services', async () => {
    const { aicc } = createHarness();
    expect(await aicc.handle(new Request(`${TEST_BASE_URL}/v4/live_config/get_callback`, { method: 'POST' }))).toBeUndefined();
    expect(await aicc.handle(new Request(`${TEST_BASE_URL}/apiaccessory`))).toBeUndefined();
    expect(aicc.state.requestsByPath.size).toBe(0);
  });

  it.each([
    '/apiaccess/ccmessaging/noSuchApi',
    '/apiaccess/ccmessaging/getSatisfactionSurveyMode',
    '/apiaccess/ccmessaging/sendSync',
    '/apiaccess/ccmessaging/send/',
    '/apiaccess/ccmessaging/toString',
    '/apiaccess/other/thing',
    '/apigovernance/api/oauth/other',
  ])('answers 404 for %s', async (path) => {
    const { request, accessToken } = createHarness();
    const response = await request(path, {
      method: 'POST',
      headers: { authorization: `Bearer ${await accessToken()}`, 'x-app-key': TEST_APP_KEY },
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ errorCode: '10010000404', exceptionInfo: expect.stringContaining(path) });
  });

  it('answers 405 before checking credentials', async () => {
    const { request } = createHarness();
    const response = await request('/apiaccess/ccmessaging/queryQueueInfo', { method: 'PUT' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('counts requests by path', async () => {
    const harness = createHarness();
    await harness.applyToken('user-1');
    await harness.applyToken('user-2');
    expect(harness.aicc.state.requestsByPath.get('/apiaccess/ccmessaging/applyToken')).toBe(2);
    expect(harness.aicc.state.requestsByPath.get('/apigovernance/api/oauth/tokenByAkSk')).toBe(1);
  });

  it('serves getsatisfactionsurveymode with or without a body', async () => {
    const harness = createHarness();
    const token = await harness.applyToken('user-1');
    expect((await harness.call('getsatisfactionsurveymode', { token })).status).toBe(200);
    expect((await harness.call('getsatisfactionsurveymode', { token, body: '{' })).status).toBe(400);
  });
});

describe('createAiccService options', () => {
  const now = (): number => 0;

  it.each([
    ['an empty appKey', { appKey: '' }],
    ['an empty appSecret', { appSecret: '' }],
    ['no channels', { channels: [] }],
    ['a negative pollHoldMs', { pollHoldMs: -1 }],
    ['a fractional robotReplyDelayMs', { robotReplyDelayMs: 1.5 }],
    ['a zero messageTokenTtlSeconds', { messageTokenTtlSeconds: 0 }],
    ['a relative fabricTokenPath', { fabricTokenPath: 'token' }],
  ])('refuses %s', (_label, change) => {
    expect(() => createAiccService({ appKey: 'k', appSecret: 's', channels: ['c'], ...change }, { now })).toThrow(ValidationError);
  });

  it('applies the documented defaults', () => {
    const { options } = createAiccService({ appKey: 'k', appSecret: 's', channels: ['c'] }, { now });
    expect(options).toMatchObject({
      pollHoldMs: 5000,
      messageTokenTtlSeconds: 3600,
      rotateWithinSeconds: 300,
      robotReplyDelayMs: 0,
      agentEnabled: false,
      fabricTokenPath: '/apigovernance/api/oauth/tokenByAkSk',
      downloadMaxBytes: 2 * 1024 * 1024,
    });
    expect(createAiccService({ appKey: 'k', appSecret: 's', channels: ['c'], agent: {} }, { now }).options.agentEnabled).toBe(true);
    expect(
      createAiccService({ appKey: 'k', appSecret: 's', channels: ['c'], agent: { enabled: false } }, { now }).options.agentEnabled,
    ).toBe(false);
  });
});
