/// <reference types="node" />
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { balances, liveRooms } from '../../examples/app-services.js';
import { callbackQuery, destroyRoomBody, giftBody, PREVIOUS_TOKEN, postCallback, RECIPE_ENV } from './signed-callback.js';

/** A recipe's server, listening: where Tencent would post, and how to stop it. */
export interface RunningRecipe {
  /** The callback URL without Tencent's query, e.g. `http://127.0.0.1:40123/tencent/callback`. */
  readonly callbackUrl: string;
  close(): Promise<void>;
}

/** Sets the environment the recipes read, as a deployment would, before they are imported. */
export function stubRecipeEnvironment(): void {
  for (const [name, value] of Object.entries(RECIPE_ENV)) vi.stubEnv(name, value);
}

/**
 * The behaviour every README recipe must have, driven over HTTP by signed callbacks: the gift router decides, a
 * refusal is answered and logged with its reason and message, the previous token still verifies.
 */
export function describeRecipe(name: string, start: () => Promise<RunningRecipe>): void {
  describe(name, () => {
    let running: RunningRecipe;
    const url = (command: string, options: Parameters<typeof callbackQuery>[1] = {}) =>
      `${running.callbackUrl}?${callbackQuery(command, options)}`;

    beforeAll(async () => {
      stubRecipeEnvironment();
      running = await start();
    });
    afterAll(async () => {
      await running?.close();
      vi.unstubAllEnvs();
    });
    beforeEach(() => {
      vi.restoreAllMocks();
      balances.clear();
      liveRooms.clear();
    });

    it('lets a gift through when the sender has the coins, and takes them', async () => {
      balances.set('alice', 100);
      const response = await postCallback(url('Live.CallbackBeforeSendGift'), giftBody('alice', 30, 2));
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await response.json()).toEqual({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });
      expect(balances.get('alice')).toBe(40);
    });

    it('refuses a gift the sender cannot pay for: ActionStatus OK with ErrorCode 1001', async () => {
      balances.set('bob', 10);
      const response = await postCallback(url('Live.CallbackBeforeSendGift'), giftBody('bob', 30));
      expect(await response.json()).toEqual({ ActionStatus: 'OK', ErrorCode: 1001, ErrorInfo: 'not enough coins' });
      expect(balances.get('bob')).toBe(10);
    });

    it('accepts a room destruction and removes the room afterwards', async () => {
      liveRooms.add('live_9');
      const response = await postCallback(url('Live.CallbackAfterDestroyRoom'), destroyRoomBody('live_9'));
      expect(await response.json()).toEqual({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });
      await vi.waitFor(() => expect(liveRooms.has('live_9')).toBe(false));
    });

    it('verifies a callback signed with the previous token during a rotation', async () => {
      const response = await postCallback(url('Live.CallbackAfterDestroyRoom', { token: PREVIOUS_TOKEN }), destroyRoomBody('live_9'));
      expect(response.status).toBe(200);
    });

    it('accepts a command without a handler, and logs a known command whose body changed', async () => {
      const warned = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const unknown = await postCallback(url('Live.CallbackAfterSomethingNew'), '{"CallbackCommand":"Live.CallbackAfterSomethingNew"}');
      expect(await unknown.json()).toEqual({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });
      expect(warned).not.toHaveBeenCalled();
      const changed = await postCallback(url('Live.CallbackAfterDestroyRoom'), '{"CallbackCommand":"Live.CallbackAfterDestroyRoom"}');
      expect(changed.status).toBe(200);
      expect(warned).toHaveBeenCalledWith('Live.CallbackAfterDestroyRoom body changed: RoomId: missing');
    });

    it('answers a forged callback 401 and logs its reason and message', async () => {
      const warned = vi.spyOn(console, 'warn').mockImplementation(() => {});
      balances.set('mallory', 1000);
      const response = await postCallback(url('Live.CallbackBeforeSendGift', { token: 'a-guessed-token' }), giftBody('mallory', 1));
      expect(response.status).toBe(401);
      expect(await response.text()).not.toContain(RECIPE_ENV.TENCENT_CALLBACK_TOKEN);
      expect(warned).toHaveBeenCalledWith(
        'Tencent callback refused: signature_mismatch: The callback Sign does not match any configured token',
      );
      expect(balances.get('mallory')).toBe(1000);
    });

    it('answers a stale callback 401 and logs why', async () => {
      const warned = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const response = await postCallback(
        url('Live.CallbackAfterDestroyRoom', { requestTime: Math.floor(Date.now() / 1000) - 600 }),
        destroyRoomBody('r'),
      );
      expect(response.status).toBe(401);
      expect(warned).toHaveBeenCalledWith(
        expect.stringMatching(/^Tencent callback refused: stale_request_time: The callback RequestTime is \d+ s behind/),
      );
    });

    it('answers a signed body that is not JSON 400 and logs why', async () => {
      const warned = vi.spyOn(console, 'warn').mockImplementation(() => {});
      const response = await postCallback(url('Live.CallbackAfterDestroyRoom'), 'not json');
      expect(response.status).toBe(400);
      expect(warned).toHaveBeenCalledWith(
        expect.stringMatching(/^Tencent callback refused: malformed_body: The callback body is not valid JSON/),
      );
    });
  });
}
