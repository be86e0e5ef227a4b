// An isolate's AccessToken source over the AiccTokenObject, in Node: the object runs here with the emulated API
// Fabric behind it (the .workerd test runs it in workerd across two worker instances).
import { createEmulator } from '@tokenwire/emulator';
import { afterAll, describe, expect, it } from 'vitest';
import { AiccTokenObject } from '../src/aicc/aicc-token-object.js';
import { AICC_TOKEN_OBJECT_NAME, durableAccessTokenSource } from '../src/aicc/durable-access-token-source.js';
import type { DurableObjectNamespaceLike } from '../src/env.js';
import { AICC_BINDINGS, APP_KEY, APP_SECRET, CHANNEL } from './support/aicc-app.js';

const emulator = createEmulator({ aicc: { appKey: APP_KEY, appSecret: APP_SECRET, channels: [CHANNEL] } });
afterAll(() => emulator.close());

/**
 * The AICC_TOKEN binding as a Map of objects, the object's outbound fetch routed to the emulator; `down` makes the
 * object unreachable; `asked` lists the commands it got.
 */
function binding(env: Record<string, string> = AICC_BINDINGS) {
  const objects = new Map<string, AiccTokenObject>();
  const asked: string[] = [];
  const state = { down: false };
  const namespace: DurableObjectNamespaceLike = {
    idFromName: (name) => ({ name }),
    get: (id) => ({
      fetch: async (_url, init) => {
        if (state.down) throw new Error('Durable Object is overloaded');
        const name = (id as { name: string }).name;
        if (!objects.has(name)) objects.set(name, new AiccTokenObject({}, env));
        asked.push(`${name} ${JSON.parse(String(init.body)).op}`);
        const original = globalThis.fetch;
        globalThis.fetch = (input, requestInit) => emulator.fetch(new Request(input, requestInit));
        try {
          return await objects.get(name)!.fetch(new Request('https://aicc-token/', init));
        } finally {
          globalThis.fetch = original;
        }
      },
    }),
  };
  return { namespace, asked, state };
}

const issued = () => emulator.state.aicc!.counters.issuedAccessTokens;

describe('durableAccessTokenSource', () => {
  it('asks the app’s one object once for concurrent callers and keeps the token until its refreshAtMs', async () => {
    const { namespace, asked } = binding();
    let now = Date.now();
    const isolate = durableAccessTokenSource(namespace, () => now);
    const before = issued();
    const grants = await Promise.all(Array.from({ length: 10 }, () => isolate.get()));
    expect(new Set(grants.map((grant) => grant.accessToken)).size).toBe(1);
    expect(asked).toEqual([`${AICC_TOKEN_OBJECT_NAME} get`]);
    expect(issued() - before).toBe(1);
    const [grant] = grants as [(typeof grants)[0]];
    expect(JSON.stringify(grant)).not.toContain(grant.accessToken);
    expect(grant.refreshAtMs).toBe(grant.expiresAtMs - 60_000);
    now = grant.refreshAtMs - 1;
    await isolate.get();
    expect(asked).toHaveLength(1);
    now = grant.refreshAtMs;
    await isolate.get();
    expect(asked).toHaveLength(2);
  });

  it('keeps a copy due for replacement while the object cannot answer, until the copy expires', async () => {
    const { namespace, state } = binding();
    let now = Date.now();
    const isolate = durableAccessTokenSource(namespace, () => now);
    const grant = await isolate.get();
    state.down = true;
    now = grant.expiresAtMs - 1;
    expect((await isolate.get()).accessToken).toBe(grant.accessToken);
    now = grant.expiresAtMs;
    await expect(isolate.get()).rejects.toThrow('Durable Object is overloaded');
  });

  it('shares the object’s token between isolates, and its refresh floor', async () => {
    const { namespace } = binding();
    const first = durableAccessTokenSource(namespace, Date.now);
    const second = durableAccessTokenSource(namespace, Date.now);
    const before = issued();
    const token = (await first.get()).accessToken;
    expect((await second.get()).accessToken).toBe(token);
    expect(await first.invalidate(token)).toBe(true);
    const renewed = (await first.get()).accessToken;
    expect(renewed).not.toBe(token);
    // The other isolate's copy was refused too: already replaced, so worth a repeat, and it takes the new token.
    expect(await second.invalidate(token)).toBe(true);
    expect((await second.get()).accessToken).toBe(renewed);
    // A 403 for the new token within the app's floor: not renewed, and the object keeps it.
    expect(await second.invalidate(renewed)).toBe(false);
    expect((await first.get()).accessToken).toBe(renewed);
    expect(issued() - before).toBe(2);
  });

  it('rejects with the object’s failure by name, and answers "not renewed" when the object cannot be reached', async () => {
    const refused = durableAccessTokenSource(
      binding({ ...AICC_BINDINGS, AICC_APP_SECRET: 'not-the-app-secret-0123456789' }).namespace,
      Date.now,
    );
    const error = (await refused.get().catch((caught: unknown) => caught)) as Error;
    expect(error).toMatchObject({ name: 'FabricAuthError', message: 'AiccTokenObject answered HTTP 502' });

    const misconfigured = durableAccessTokenSource(binding({ AICC_APP_KEY: APP_KEY }).namespace, Date.now);
    await expect(misconfigured.get()).rejects.toMatchObject({ name: 'misconfigured' });

    const { namespace, state } = binding();
    const isolate = durableAccessTokenSource(namespace, Date.now);
    const token = (await isolate.get()).accessToken;
    state.down = true;
    expect(await isolate.invalidate(token)).toBe(false);
    await expect(isolate.get()).rejects.toThrow('Durable Object is overloaded');
    state.down = false;
    expect((await isolate.get()).accessToken).toBe(token);
  });
});
