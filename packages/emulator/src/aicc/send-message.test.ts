import { bytesToBase64 } from '@tokenwire/core/internal';
import { describe, expect, it } from 'vitest';
import { createHarness, OTHER_CHANNEL } from '../../test/aicc-harness.js';

async function uploadText(harness: ReturnType<typeof createHarness>, token: string, fileType = 'jpg'): Promise<string> {
  const response = await harness.call('uploadFileStream', {
    token,
    body: { fileType, fileStream: bytesToBase64(new TextEncoder().encode('file bytes')), channel: 'WEB' },
  });
  return ((await response.json()) as { objectKey: string }).objectKey;
}

describe('send — sendMsgReq validation', () => {
  it.each([
    ['channel is not WEB', { channel: 'APP' }, 'channel'],
    ['controlType is unknown', { controlType: 'IDSCONNECT' }, 'controlType'],
    ['mediaType is unknown', { mediaType: 'DOCUMENT' }, 'mediaType'],
    ['sourceType is not CUSTOMER', { sourceType: 'AGENT' }, 'sourceType'],
    ['from is missing', { from: undefined }, 'from'],
    ['to is missing', { to: undefined }, 'to'],
    ['timestamp is not a number', { timestamp: 'yesterday' }, 'timestamp'],
    ['from is another user', { from: 'someone-else' }, 'from'],
    ['to is another channel', { to: OTHER_CHANNEL }, 'to'],
    ['CHAT has no content', { content: undefined }, 'content'],
    ['TEXT is over 1 KB in UTF-8', { content: '€'.repeat(342) }, '1024 bytes'],
  ])('refuses a CHAT whose %s with resultCode "1"', async (_label, change, mention) => {
    const harness = createHarness();
    const token = await harness.connectedUser('user-1');
    const body = await harness.send(token, 'user-1', 'CHAT', { content: 'hello', ...change });
    expect(body.resultCode).toBe('1');
    expect(body.resultDesc).toContain(mention);
    expect(harness.aicc.state.messages.get('user-1')?.some((message) => message.sourceType === 'CUSTOMER')).toBe(false);
    expect(await harness.poll(token, 'user-1')).toMatchObject({ downlinkMessages: [] });
  });

  it('accepts TEXT of exactly 1024 bytes, and accepts a numeric timestamp', async () => {
    const harness = createHarness();
    const token = await harness.connectedUser('user-1');
    expect(await harness.send(token, 'user-1', 'CHAT', { content: 'a'.repeat(1024), timestamp: 1_700_000_000_000 })).toMatchObject({
      resultCode: '0',
    });
    expect(await harness.send(token, 'user-1', 'CHAT', { content: 'a'.repeat(1025) })).toMatchObject({ resultCode: '1' });
  });

  it('applies the 1 KB limit to content of any controlType', async () => {
    const harness = createHarness();
    const token = await harness.applyToken('user-1');
    expect(await harness.send(token, 'user-1', 'CONNECT', { content: 'x'.repeat(2000) })).toMatchObject({ resultCode: '1' });
    expect(harness.aicc.state.sessions.size).toBe(0);
  });

  it('answers 400 to a malformed body and 405 to GET', async () => {
    const harness = createHarness();
    const token = await harness.applyToken('user-1');
    expect((await harness.call('send', { token, body: '{"channel":' })).status).toBe(400);
    expect((await harness.call('sendAsync', { token, body: '"a string"' })).status).toBe(400);
    const get = await harness.call('send', { token, method: 'GET' });
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
  });
});

describe('send — media content', () => {
  it('needs an uploaded objectKey for IMAGE/AUDIO/VIDEO/FILE_IMAGE/FILE_VIDEO', async () => {
    const harness = createHarness();
    const token = await harness.connectedUser('user-1');
    const objectKey = await uploadText(harness, token);
    for (const mediaType of ['IMAGE', 'AUDIO', 'VIDEO', 'FILE_IMAGE', 'FILE_VIDEO']) {
      expect(await harness.send(token, 'user-1', 'CHAT', { mediaType, content: objectKey })).toMatchObject({ resultCode: '0' });
      expect(await harness.send(token, 'user-1', 'CHAT', { mediaType, content: `${objectKey},jpg` })).toMatchObject({ resultCode: '0' });
      expect(await harness.send(token, 'user-1', 'CHAT', { mediaType, content: 'never-uploaded,jpg' })).toMatchObject({ resultCode: '1' });
      expect(await harness.send(token, 'user-1', 'CHAT', { mediaType, content: `${objectKey},jpg,extra` })).toMatchObject({
        resultCode: '1',
      });
    }
  });

  it('needs "fileName,fileSize,fileId,fileType" for FILE', async () => {
    const harness = createHarness();
    const token = await harness.connectedUser('user-1');
    const objectKey = await uploadText(harness, token, 'txt');
    expect(await harness.send(token, 'user-1', 'CHAT', { mediaType: 'FILE', content: `test_txt.txt,10,${objectKey},txt` })).toMatchObject({
      resultCode: '0',
    });
    for (const content of [
      `test_txt.txt,ten,${objectKey},txt`,
      `test_txt.txt,10,${objectKey}`,
      'test_txt.txt,10,unknown,txt',
      `,10,${objectKey},txt`,
    ]) {
      expect(await harness.send(token, 'user-1', 'CHAT', { mediaType: 'FILE', content })).toMatchObject({ resultCode: '1' });
    }
  });

  it('needs a JSON WEBCARD with redirectUrl or mediaFileId', async () => {
    const harness = createHarness();
    const token = await harness.connectedUser('user-1');
    const good = JSON.stringify({ title: 'Offer', description: 'New', redirectUrl: 'https://example.com/offer' });
    expect(await harness.send(token, 'user-1', 'CHAT', { mediaType: 'WEBCARD', content: good })).toMatchObject({ resultCode: '0' });
    for (const content of [
      'not json',
      JSON.stringify({ title: 'Offer' }),
      JSON.stringify([1]),
      JSON.stringify({ mediaFileId: 'm1', mediaFileType: 'gif' }),
    ]) {
      expect(await harness.send(token, 'user-1', 'CHAT', { mediaType: 'WEBCARD', content })).toMatchObject({ resultCode: '1' });
    }
  });
});

/** `sendAsync` answers every success with its own description; `send` with the one of the action. */
const ASYNC_SUCCESS = 'send sendMessageForOpenApiAsync success.';

describe.each(['send', 'sendAsync'] as const)('%s — controlType behaviour', (api) => {
  const success = (resultDesc: string) => ({ resultCode: '0', resultDesc: api === 'sendAsync' ? ASYNC_SUCCESS : resultDesc });

  it('refuses everything but CONNECT before a session exists, and after it ended', async () => {
    const harness = createHarness();
    const token = await harness.applyToken('user-1');
    for (const controlType of ['CHAT', 'TRANS2AGENT', 'INPUT', 'READ', 'DISCONNECT']) {
      const body = await harness.send(token, 'user-1', controlType, { content: 'hi' }, api);
      expect(body).toMatchObject({ resultCode: '5', resultDesc: expect.stringContaining('CONNECT') });
    }
    expect(harness.aicc.state.sessions.size).toBe(0);
    expect(await harness.send(token, 'user-1', 'CONNECT', {}, api)).toEqual(success('connect to robot successfully.'));
    expect(await harness.send(token, 'user-1', 'DISCONNECT', {}, api)).toEqual(success('disconnect successfully.'));
    expect(await harness.send(token, 'user-1', 'CHAT', { content: 'hi' }, api)).toMatchObject({
      resultCode: '5',
      resultDesc: expect.stringContaining('ended'),
    });
  });

  it('answers CONNECT on an open session with success and no new greeting', async () => {
    const harness = createHarness();
    const token = await harness.connectedUser('user-1');
    expect(await harness.send(token, 'user-1', 'CONNECT', {}, api)).toEqual(success('the session is already connected.'));
    expect((await harness.poll(token, 'user-1')).downlinkMessages).toEqual([]);
    expect(harness.aicc.state.sessionLog).toHaveLength(1);
  });

  it('refuses CONNECT on a second channel while a session is open', async () => {
    const harness = createHarness();
    await harness.connectedUser('user-1');
    const otherToken = await harness.applyToken('user-1', { channelId: OTHER_CHANNEL });
    const response = await harness.call(api, {
      token: otherToken,
      body: { channel: 'WEB', controlType: 'CONNECT', from: 'user-1', to: OTHER_CHANNEL, mediaType: 'TEXT', sourceType: 'CUSTOMER' },
    });
    expect(await response.json()).toMatchObject({ resultCode: '1', resultDesc: expect.stringContaining('another channel') });
  });

  it('acknowledges INPUT and READ without messages', async () => {
    const harness = createHarness();
    const token = await harness.connectedUser('user-1');
    expect(await harness.send(token, 'user-1', 'INPUT', {}, api)).toMatchObject({ resultCode: '0' });
    expect(await harness.send(token, 'user-1', 'READ', { content: '["1"]' }, api)).toMatchObject({ resultCode: '0' });
    expect((await harness.poll(token, 'user-1')).downlinkMessages).toEqual([]);
  });

  it('queues for an agent on TRANS2AGENT and ends the session on DISCONNECT', async () => {
    const harness = createHarness();
    const token = await harness.connectedUser('user-1');
    expect(await harness.send(token, 'user-1', 'TRANS2AGENT', {}, api)).toEqual(success('transfer to agent successfully.'));
    expect(harness.aicc.state.agentQueue).toEqual(['user-1']);
    expect((await harness.poll(token, 'user-1')).downlinkMessages).toEqual([
      expect.objectContaining({ sourceType: 'SYSTEM', content: 'Queuing...' }),
    ]);
    expect(await harness.send(token, 'user-1', 'DISCONNECT', {}, api)).toEqual(success('disconnect successfully.'));
    expect(harness.aicc.state.sessions.get('user-1')?.status).toBe('closed');
    expect((await harness.poll(token, 'user-1')).downlinkMessages).toEqual([
      expect.objectContaining({ controlType: 'DISCONNECT', isOfflineStatus: true }),
    ]);
  });

  it('lets the robot answer from the FAQ group, and "not understood" otherwise', async () => {
    const harness = createHarness();
    const token = await harness.connectedUser('user-1');
    expect(await harness.send(token, 'user-1', 'CHAT', { content: 'I forgot my password' }, api)).toEqual(
      success('Send message to robot successfully'),
    );
    expect(await harness.send(token, 'user-1', 'CHAT', { content: 'Qwerty zxcv' }, api)).toMatchObject({ resultCode: '0' });
    expect(await harness.send(token, 'user-1', 'CHAT', { content: 'x'.repeat(1025) }, api)).toMatchObject({ resultCode: '1' });
    const [answer, fallback, ...rest] = (await harness.poll(token, 'user-1')).downlinkMessages;
    expect(answer).toMatchObject({
      sourceType: 'ROBOT',
      controlType: 'CHAT',
      content: expect.stringContaining('Reset password'),
      interIdx: '2',
    });
    expect(answer?.simQuestions).toContain('How do I change my password?');
    expect(fallback).toMatchObject({ sourceType: 'ROBOT', content: expect.stringContaining('"Qwerty zxcv"'), interIdx: '3' });
    expect(rest).toEqual([]);
  });

  it('answers in Chinese for a zh locale, and keeps downlink content within 500 characters', async () => {
    const harness = createHarness();
    const token = await harness.applyToken('user-zh', { locale: 'zh_CN' });
    await harness.send(token, 'user-zh', 'CONNECT', {}, api);
    await harness.send(token, 'user-zh', 'CHAT', { content: '我要退款' }, api);
    await harness.send(token, 'user-zh', 'CHAT', { content: 'q'.repeat(1000) }, api);
    const messages = (await harness.poll(token, 'user-zh')).downlinkMessages;
    expect(messages[1]?.content).toContain('您好');
    expect(messages[2]?.content).toContain('申请退款');
    expect([...(messages[3]?.content ?? '')].length).toBe(500);
    expect(messages[3]?.content.endsWith('…')).toBe(true);
  });
});
