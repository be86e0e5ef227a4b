// The README's "Your own gateway" recipes (examples/gateway-worker.ts, examples/gateway-hono.ts) quoted verbatim and
// run as written: a browser's createAiccGatewayClient + createAiccSession through each, against the emulated AICC
// served over HTTP (the recipes use the global fetch). Needs the built package (the recipes import
// @tokenwire/aicc-messaging/gateway, as users do).
import { readFileSync } from 'node:fs';
import { createEmulator } from '@tokenwire/emulator';
import { serveEmulator, type ServedEmulator } from '@tokenwire/emulator/serve';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn } from '../examples/app-auth.js';
import { createAiccGatewayClient, createAiccSession, type AiccClient } from '../src/index.js';

const APP_KEY = 'recipe-app-key-0001';
const APP_SECRET = 'recipe-app-secret-0123456789abcdef';
const CHANNEL = 'web-channel-1';
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

const emulator = createEmulator({ aicc: { appKey: APP_KEY, appSecret: APP_SECRET, channels: [CHANNEL], pollHoldMs: 20 } });
let served: ServedEmulator;
beforeAll(async () => {
  served = await serveEmulator(emulator, { port: 0, hostname: '127.0.0.1' });
});
afterAll(async () => {
  await served?.close();
  emulator.close();
});

/** A browser signed in as `userId` chatting through `gateway` (mounted at `gatewayUrl`). */
async function chat(client: AiccClient, userId: string): Promise<void> {
  const session = createAiccSession(client, { userId, userName: 'Ada', channelId: CHANNEL, locale: 'en_US' });
  await session.connect();
  await session.send(`Hello from ${userId}`);
  const stored = JSON.stringify(emulator.state.aicc!.messages.get(userId) ?? []);
  expect(stored).toContain(`Hello from ${userId}`);
}

describe('README "Your own gateway"', () => {
  it.each(['gateway-worker.ts', 'gateway-hono.ts'])('quotes examples/%s verbatim', (name) => {
    const quoted = new RegExp(`<!-- recipe: examples/${name.replace('.', '\\.')} -->\\n\`\`\`ts\\n([\\s\\S]*?)\`\`\`\\n`).exec(readme)?.[1];
    expect(quoted).toBe(readFileSync(new URL(`../examples/${name}`, import.meta.url), 'utf8'));
  });

  it('the Cloudflare Worker recipe serves a chat, with one AccessToken per isolate', async () => {
    const { default: worker } = await import('../examples/gateway-worker.js');
    const env = { AICC_BASE_URL: served.url, AICC_APP_KEY: APP_KEY, AICC_APP_SECRET: APP_SECRET };
    const ctx = { waitUntil: () => undefined };
    signedIn('worker-credential-1', { id: 'worker-user-1' });
    signedIn('worker-credential-2', { id: 'worker-user-2' });
    const issuedBefore = emulator.state.aicc!.counters.issuedAccessTokens;
    for (const [credential, userId] of [
      ['worker-credential-1', 'worker-user-1'],
      ['worker-credential-2', 'worker-user-2'],
    ] as const) {
      const client = createAiccGatewayClient({
        gatewayUrl: 'https://chat.example.workers.dev',
        getAuthorization: async () => `Bearer ${credential}`,
        fetch: (input, init) => worker.fetch(new Request(input, init), env, ctx),
      });
      await chat(client, userId);
    }
    expect(emulator.state.aicc!.counters.issuedAccessTokens - issuedBefore).toBe(1);
    const stranger = await worker.fetch(
      new Request('https://chat.example.workers.dev/aicc/token', { method: 'POST', body: '{}' }),
      env,
      ctx,
    );
    expect(stranger.status).toBe(401);
  });

  it('the Hono recipe mounts the gateway under /support', async () => {
    process.env.AICC_BASE_URL = served.url;
    process.env.AICC_APP_KEY = APP_KEY;
    process.env.AICC_APP_SECRET = APP_SECRET;
    const { app } = await import('../examples/gateway-hono.js');
    signedIn('hono-credential-1', { id: 'hono-user-1' });
    const client = createAiccGatewayClient({
      gatewayUrl: 'https://your.server/support',
      getAuthorization: async () => 'Bearer hono-credential-1',
      fetch: async (input, init) => app.fetch(new Request(input, init)),
    });
    await chat(client, 'hono-user-1');
    const preflight = await app.fetch(
      new Request('https://your.server/support/aicc/ccmessaging/poll', {
        method: 'OPTIONS',
        headers: { origin: 'https://app.example.com', 'access-control-request-method': 'GET' },
      }),
    );
    expect([preflight.status, preflight.headers.get('access-control-allow-methods')]).toEqual([204, 'GET']);
    expect((await app.fetch(new Request('https://your.server/aicc/token', { method: 'POST' }))).status).toBe(404); // not mounted there
  });
});
