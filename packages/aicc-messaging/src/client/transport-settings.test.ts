import { createEmulator } from '@tokenwire/emulator';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyToken } from '../token/apply-token.js';
import { createAiccClient } from './create-aicc-client.js';

afterEach(() => vi.unstubAllGlobals());

describe('the default fetch', () => {
  it('is the global fetch, called with the URL and the whole init (method, headers, body)', async () => {
    const emulator = createEmulator({ aicc: { appKey: 'app-key', appSecret: 'app-secret', channels: ['web-channel'] } });
    const seen: { method: string; path: string }[] = [];
    vi.stubGlobal('fetch', async (input: string | URL | Request, init?: RequestInit) => {
      const request = new Request(input, init);
      seen.push({ method: request.method, path: new URL(request.url).pathname });
      return emulator.fetch(request);
    });
    const client = createAiccClient({ baseUrl: 'http://aicc.test', appKey: 'app-key', appSecret: 'app-secret' });
    const token = await applyToken(client, { userId: 'user-1', userName: 'Ada', channelId: 'web-channel', locale: 'en' });
    expect(token.token.length).toBeGreaterThan(0);
    expect(seen).toEqual([
      { method: 'POST', path: '/apigovernance/api/oauth/tokenByAkSk' },
      { method: 'POST', path: '/apiaccess/ccmessaging/applyToken' },
    ]);
    emulator.close();
  });
});
