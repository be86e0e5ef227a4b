// Live.CallbackBeforeSendGift inside real workerd: answered within Tencent's 2 s by the policy, or by a forward
// target that decides in time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALLBACK_BINDINGS, createTencentApp, giftBody, type TencentApp } from './support/tencent-app.js';
import { startWorker, waitForLog, type WorkerHarness } from './support/workerd.js';

const DECIDER_URL = 'https://gifts.example.test/decide';
const FORWARD_AUTHORIZATION = 'Bearer decider-secret-0123456789';
// A refusal, as Tencent's own moderation server answers: ActionStatus OK with a non-zero ErrorCode. A FAIL would be a
// failed callback, which lets the gift through in the non-blocking mode.
const BLOCKED = { ActionStatus: 'OK', ErrorCode: 1, ErrorInfo: 'The gift cannot be sent right now' };

type DeciderMode = 'wallet' | 'stall' | 'error' | 'garbage' | 'fail';
let mode: DeciderMode = 'wallet';
const stalled: (() => void)[] = [];
const decisions: { authorization: string | null; command: string | null }[] = [];

/** A decision service: allows gifts up to 100 coins, refuses more with its own code. */
async function decider(request: Request): Promise<Response> {
  decisions.push({
    authorization: request.headers.get('authorization'),
    command: request.headers.get('x-tokenwire-callback-command'),
  });
  const event = (await request.json()) as { rawBody: string };
  if (mode === 'stall') await new Promise<void>((resolve) => stalled.push(resolve));
  if (mode === 'error') return new Response('boom', { status: 500 });
  if (mode === 'garbage') return Response.json({ decision: 'yes' });
  // "Could not decide", in the callback answer's words: not a refusal.
  if (mode === 'fail') return Response.json({ ActionStatus: 'FAIL', ErrorCode: 4002, ErrorInfo: 'wallet unavailable' });
  const coins = (JSON.parse(event.rawBody) as { GiftWater: { Coins: number } }).GiftWater.Coins;
  return Response.json(
    coins <= 100
      ? { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' }
      : { ActionStatus: 'OK', ErrorCode: 4001, ErrorInfo: 'not enough coins' },
  );
}

let app: TencentApp;
let allowByDefault: WorkerHarness;
let blockByPolicy: WorkerHarness;
let allowWithDecider: WorkerHarness;
let blockWithDecider: WorkerHarness;
let shortBudget: WorkerHarness;

beforeAll(async () => {
  app = await createTencentApp();
  const withDecider = { ...CALLBACK_BINDINGS, BEFORE_GIFT_FORWARD_URL: DECIDER_URL, FORWARD_AUTHORIZATION };
  [allowByDefault, blockByPolicy, allowWithDecider, blockWithDecider, shortBudget] = await Promise.all([
    startWorker({ bindings: { ...CALLBACK_BINDINGS } }),
    startWorker({ bindings: { ...CALLBACK_BINDINGS, BEFORE_GIFT_POLICY: 'block' } }),
    startWorker({ bindings: withDecider, outbound: decider }),
    startWorker({ bindings: { ...withDecider, BEFORE_GIFT_POLICY: 'block' }, outbound: decider }),
    startWorker({ bindings: { ...withDecider, BEFORE_GIFT_POLICY: 'block', BEFORE_GIFT_FORWARD_TIMEOUT_MS: '300' }, outbound: decider }),
  ]);
}, 120_000);
afterAll(async () => {
  for (const release of stalled) release();
  await Promise.all([allowByDefault, blockByPolicy, allowWithDecider, blockWithDecider, shortBudget].map((harness) => harness?.dispose()));
});

async function sendGift(target: WorkerHarness, coins: number, requestTime?: number) {
  const result = await app.emulator.tencent!.emitCallback('Live.CallbackBeforeSendGift', giftBody(coins), {
    fetch: (input, init) => target.dispatch(new Request(input, init)),
    ...(requestTime === undefined ? {} : { requestTime }),
  });
  if (!result.attempted) throw new Error(result.reason);
  return result;
}

describe('the policy', () => {
  it('allows gifts by default, with no event sink needed', async () => {
    const result = await sendGift(allowByDefault, 10);
    expect(result).toMatchObject({
      delivered: true,
      accepted: true,
      status: 200,
      body: { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' },
    });
  });

  it('blocks gifts with BEFORE_GIFT_POLICY=block: a refusal (HTTP 200, ActionStatus OK, non-zero ErrorCode), not a FAIL', async () => {
    const result = await sendGift(blockByPolicy, 10);
    expect(result).toMatchObject({ delivered: true, accepted: false, refused: true, status: 200, body: BLOCKED });
  });

  it('answers two identical gifts sent in the same second (they are not replays of each other)', async () => {
    const requestTime = Math.floor(Date.now() / 1000);
    expect(await sendGift(allowByDefault, 5, requestTime)).toMatchObject({ accepted: true });
    expect(await sendGift(allowByDefault, 5, requestTime)).toMatchObject({ accepted: true });
  });

  it('still refuses a forged before-gift callback', async () => {
    const stranger = await createTencentApp({ token: 'not-the-configured-token-0123456789abcdef' });
    const result = await stranger.emulator.tencent!.emitCallback('Live.CallbackBeforeSendGift', giftBody(1), {
      fetch: (input, init) => allowByDefault.dispatch(new Request(input, init)),
    });
    expect(result).toMatchObject({
      status: 401,
      body: { ActionStatus: 'FAIL', ErrorInfo: 'unauthenticated callback: signature_mismatch' },
    });
  });
});

describe('a forward target', () => {
  it("relays the target's decision, both ways, with FORWARD_AUTHORIZATION", async () => {
    mode = 'wallet';
    expect(await sendGift(allowWithDecider, 50)).toMatchObject({ accepted: true, body: { ActionStatus: 'OK', ErrorCode: 0 } });
    expect(await sendGift(allowWithDecider, 500)).toMatchObject({
      delivered: true,
      refused: true,
      body: { ActionStatus: 'OK', ErrorCode: 4001, ErrorInfo: 'not enough coins' },
    });
    expect(decisions.at(-1)).toEqual({ authorization: FORWARD_AUTHORIZATION, command: 'Live.CallbackBeforeSendGift' });
    // The policy is block here, yet the target's "allow" wins.
    expect(await sendGift(blockWithDecider, 50)).toMatchObject({ accepted: true });
  });

  it('answers an exact repeat of a decided gift with the same decision, without asking the target again', async () => {
    mode = 'wallet';
    for (const coins of [7, 700]) {
      let sent: Request | undefined;
      const first = await app.emulator.tencent!.emitCallback('Live.CallbackBeforeSendGift', giftBody(coins), {
        fetch: (input, init) => {
          sent = new Request(input, init);
          return allowWithDecider.dispatch(sent.clone());
        },
      });
      const before = decisions.length;
      const expected =
        coins <= 100
          ? { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' }
          : { ActionStatus: 'OK', ErrorCode: 4001, ErrorInfo: 'not enough coins' };
      expect(first).toMatchObject({ status: 200, body: expected });
      const repeated = await allowWithDecider.dispatch(sent!.clone());
      expect(repeated.status).toBe(200);
      expect(await repeated.json()).toEqual(expected);
      expect(decisions.length).toBe(before);
    }
  });

  it('answers a gift whose body changed shape with the policy, without asking the target', async () => {
    mode = 'wallet';
    const before = decisions.length;
    const misShaped = { Operator_Account: 'fan-1', RoomId: 'room-gift', GiftWater: { GiftId: 'rose', Coins: 'lots' } };
    for (const [target, body] of [
      [allowWithDecider, { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' }],
      [blockWithDecider, BLOCKED],
    ] as const) {
      // Sent as text: its shape is what the documented type forbids.
      const result = await app.emulator.tencent!.emitCallback('Live.CallbackBeforeSendGift', JSON.stringify(misShaped), {
        fetch: (input, init) => target.dispatch(new Request(input, init)),
      });
      expect(result).toMatchObject({ status: 200, body });
    }
    expect(decisions.length).toBe(before);
  });

  it("falls back to the policy after BEFORE_GIFT_FORWARD_TIMEOUT_MS (1500 ms) when the target stalls, within Tencent's 2 s", async () => {
    mode = 'stall';
    // Coins no other test sends: an identical gift callback in the same second would get the decision remembered for it.
    const allowed = await sendGift(allowWithDecider, 51);
    expect(allowed).toMatchObject({ accepted: true, body: { ErrorCode: 0 } });
    expect(allowed.durationMs).toBeGreaterThanOrEqual(1450);
    expect(allowed.durationMs).toBeLessThan(2000);
    const blocked = await sendGift(blockWithDecider, 52);
    expect(blocked).toMatchObject({ accepted: false, body: BLOCKED });
    expect(blocked.durationMs).toBeGreaterThanOrEqual(1450);
    expect(blocked.durationMs).toBeLessThan(2000);
  });

  it('honours BEFORE_GIFT_FORWARD_TIMEOUT_MS', async () => {
    mode = 'stall';
    const result = await sendGift(shortBudget, 50);
    expect(result).toMatchObject({ accepted: false, body: BLOCKED });
    expect(result.durationMs).toBeGreaterThanOrEqual(280);
    expect(result.durationMs).toBeLessThan(1400); // well below the default 1500 ms, with room for a loaded CI
  });

  it('falls back to the policy at once on an error, an answer that is not a decision, or ActionStatus FAIL (could not decide)', async () => {
    for (const [index, failure] of (['error', 'garbage', 'fail'] as const).entries()) {
      mode = failure;
      const allowed = await sendGift(allowWithDecider, 600 + index);
      expect(allowed).toMatchObject({ accepted: true });
      expect(allowed.durationMs).toBeLessThan(500);
      expect(await sendGift(blockWithDecider, 10 + index)).toMatchObject({ refused: true, body: BLOCKED });
    }
    expect(await waitForLog(allowWithDecider, 'could not decide')).toContain('before_gift.policy_fallback');
  });
});
