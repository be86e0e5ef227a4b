import { createTencentClient, genUserSig, type TencentClient } from '@tokenwire/core';
import { createEmulator } from '@tokenwire/emulator';
import {
  deleteCallback,
  deleteCallbackToken,
  getCallback,
  getCallbackToken,
  setCallback,
  setCallbackToken,
  updateCallback,
} from '@tokenwire/live-config';
import { describe, expect, it } from 'vitest';
import { samples, type Sample } from './support/corpus.js';

// The seven live_config commands as Tencent documents them: what tokenwire sends for the documented input is the
// documented request body, the documented answer is accepted, and the emulator accepts the documented requests.
const SDK_APP_ID = 1400000000;
const SECRET_KEY = 'conformance-secret-key';
const ADMIN = 'administrator';

const requests = samples('tencent', 'request');
const responses = samples('tencent', 'response');

/** The command word of a live_config sample: `live_config/set_callback` → `set_callback`. */
const commandOf = (sample: Sample): string => (sample.command as string).replace(/^live_config\//, '');

function sampleFor(list: readonly Sample[], command: string): Sample {
  const found = list.find((sample) => commandOf(sample) === command);
  if (found === undefined) throw new Error(`the corpus has no ${command} sample`);
  return found;
}

/** How a user makes each command with the input its documented request carries. */
const CALLS: Record<string, (client: TencentClient, request: Record<string, unknown>) => Promise<unknown>> = {
  set_callback: (client, request) =>
    setCallback(client, { url: request['Url'] as string, commands: request['CallbackCommandList'] as string[] }),
  update_callback: (client, request) =>
    updateCallback(client, { url: request['Url'] as string, commands: request['CallbackCommandList'] as string[] }),
  get_callback: (client) => getCallback(client),
  delete_callback: (client) => deleteCallback(client),
  set_callback_token: (client, request) =>
    setCallbackToken(client, { token: request['Token'] as string, enabled: request['IsTokenEnable'] as boolean }),
  get_callback_token: (client) => getCallbackToken(client),
  delete_callback_token: (client) => deleteCallbackToken(client),
};

/** A client whose network answers `command` with the documented answer and records what was sent. */
function clientAnswering(answer: Sample) {
  const sent: { url: URL; body: unknown }[] = [];
  const client = createTencentClient({
    sdkAppId: SDK_APP_ID,
    identifier: ADMIN,
    secretKey: SECRET_KEY,
    baseUrl: 'https://console.tim.qq.com',
    fetch: async (input, init) => {
      const request = new Request(input, init);
      sent.push({ url: new URL(request.url), body: JSON.parse(await request.text()) as unknown });
      return new Response(answer.text, { status: 200, headers: { 'content-type': 'application/json' } });
    },
  });
  return { client, sent };
}

describe('live_config: the documented request and answer of every command', () => {
  it('the corpus has a request and an answer for each of the seven commands', () => {
    expect(new Set(requests.map(commandOf))).toEqual(new Set(Object.keys(CALLS)));
    expect(new Set(responses.map(commandOf))).toEqual(new Set(Object.keys(CALLS)));
  });

  it.each(Object.keys(CALLS))('%s sends the documented body and accepts the documented answer', async (command) => {
    const request = sampleFor(requests, command);
    const answer = sampleFor(responses, command);
    const { client, sent } = clientAnswering(answer);
    const result = await CALLS[command]!(client, request.json as Record<string, unknown>);
    expect(sent, `${request.label} / ${answer.label}`).toHaveLength(1);
    expect(sent[0]!.url.pathname).toBe(`/v4/live_config/${command}`);
    expect(sent[0]!.url.searchParams.get('contenttype')).toBe('json');
    expect(sent[0]!.body, request.label).toEqual(request.json);
    const documented = (answer.json as { Response?: Record<string, unknown> }).Response;
    if (command === 'get_callback')
      expect(result).toMatchObject({ url: documented?.['Url'], commands: documented?.['CallbackCommandList'] });
    if (command === 'get_callback_token')
      expect(result).toMatchObject({ token: documented?.['Token'], enabled: documented?.['IsTokenEnable'] });
  });
});

describe('the emulator accepts every documented live_config request, byte for byte', () => {
  it('in the order a user configures, reads and removes the callback and its token', async () => {
    const emulator = createEmulator({ tencent: { sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY, admins: [ADMIN] } });
    const userSig = genUserSig({ sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY, identifier: ADMIN });
    const order = [
      'set_callback',
      'update_callback',
      'get_callback',
      'set_callback_token',
      'get_callback_token',
      'delete_callback_token',
      'delete_callback',
    ];
    for (const [index, command] of order.entries()) {
      const request = sampleFor(requests, command);
      const query = new URLSearchParams({
        sdkappid: String(SDK_APP_ID),
        identifier: ADMIN,
        usersig: userSig,
        random: String(index + 1),
        contenttype: 'json',
      });
      const response = await emulator.fetch(`http://emulator.test/v4/live_config/${command}?${query}`, {
        method: 'POST',
        body: request.text,
      });
      expect(response.status).toBe(200);
      expect(await response.json(), request.label).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0 });
    }
    emulator.close();
  });
});
