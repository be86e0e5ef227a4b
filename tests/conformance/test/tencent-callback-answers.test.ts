import { createTencentClient } from '@tokenwire/core';
import { createEmulator } from '@tokenwire/emulator';
import { callbackAck, setCallback } from '@tokenwire/live-config';
import { describe, expect, it } from 'vitest';
import { samples } from './support/corpus.js';

// What a receiver answers Tencent, as the callback pages show it: tokenwire's acceptance is that answer, and the
// emulator counts each documented answer the way Tencent does (delivered; accepted when ErrorCode is 0).
const SDK_APP_ID = 1400000000;
const answers = samples('tencent', 'answer');

describe('documented callback answers', () => {
  it('the corpus has answers, the before-send-gift one among them', () => {
    expect(answers.map((answer) => answer.command)).toContain('Live.CallbackBeforeSendGift');
  });

  const acceptances = answers.filter((answer) => (answer.json as { ErrorCode: number }).ErrorCode === 0);
  it.each(acceptances.map((answer) => [answer.label, answer] as const))('callbackAck() answers like %s', async (_label, answer) => {
    const response = callbackAck();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(answer.json);
  });

  it.each(answers.map((answer) => [answer.label, answer] as const))('the emulator counts %s as Tencent does', async (_label, answer) => {
    const emulator = createEmulator({ tencent: { sdkAppId: SDK_APP_ID, secretKey: 'conformance-secret-key', admins: ['administrator'] } });
    const client = createTencentClient({
      sdkAppId: SDK_APP_ID,
      identifier: 'administrator',
      secretKey: 'conformance-secret-key',
      baseUrl: 'http://emulator.test',
      fetch: emulator.fetch,
    });
    const command = answer.command as string;
    await setCallback(client, { url: 'https://receiver.example/tencent', commands: [command] });
    const receiver = (async () =>
      new Response(answer.text, { status: 200, headers: { 'content-type': 'application/json' } })) as typeof fetch;
    const delivery = await emulator.tencent.emitCallback(command, {}, { fetch: receiver });
    expect(delivery).toMatchObject({
      attempted: true,
      delivered: true,
      accepted: (answer.json as { ErrorCode: number }).ErrorCode === 0,
      body: answer.json,
    });
    emulator.close();
  });
});
