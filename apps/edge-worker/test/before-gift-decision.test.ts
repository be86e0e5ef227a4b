// The before-gift decision in Node: how a decision service's answer is read, and what Tencent is answered.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallbackConfig } from '../src/config/callback-config.js';
import {
  DECISION_ANSWER_MAX_BYTES,
  decideBeforeGift,
  POLICY_BLOCK_ERROR_CODE,
  POLICY_BLOCK_ERROR_INFO,
  policyDecision,
} from '../src/tencent/before-gift-decision.js';
import type { CallbackEventMessage } from '../src/tencent/callback-event-message.js';
import { callbackOk } from '../src/tencent/callback-ok.js';

const message: CallbackEventMessage = {
  id: 'a'.repeat(64),
  command: 'Live.CallbackBeforeSendGift',
  sdkAppId: 1400000123,
  requestTime: 1_800_000_000,
  clientIp: undefined,
  optPlatform: undefined,
  receivedAt: 1_800_000_000_000,
  rawBody: '{"RoomId":"r"}',
};

const config = (policy: 'allow' | 'block'): Pick<CallbackConfig, 'beforeGift' | 'forwardAuthorization'> => ({
  beforeGift: { policy, forwardUrl: new URL('https://decider.example/gift'), forwardTimeoutMs: 200 },
  forwardAuthorization: undefined,
});

const answering =
  (body: unknown, status = 200) =>
  async () =>
    new Response(JSON.stringify(body), { status });

afterEach(() => {
  vi.restoreAllMocks();
});

describe('callbackOk (the answer to a gift decision)', () => {
  it('allows with OK/0 and blocks with a refusal (OK, non-zero code), never FAIL', async () => {
    expect(await callbackOk({ errorCode: 0, errorInfo: '' }).json()).toEqual({
      ActionStatus: 'OK',
      ErrorCode: 0,
      ErrorInfo: '',
    });
    const blocked = callbackOk(policyDecision('block'));
    expect(blocked.status).toBe(200);
    expect(await blocked.json()).toEqual({ ActionStatus: 'OK', ErrorCode: POLICY_BLOCK_ERROR_CODE, ErrorInfo: POLICY_BLOCK_ERROR_INFO });
    expect(await callbackOk({ errorCode: 4001, errorInfo: 'no coins' }).json()).toEqual({
      ActionStatus: 'OK',
      ErrorCode: 4001,
      ErrorInfo: 'no coins',
    });
  });
});

describe('decideBeforeGift', () => {
  it.each([
    [{ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' }, 0],
    [{ ErrorCode: 0 }, 0],
    [{ ActionStatus: 'OK', ErrorCode: 4001, ErrorInfo: 'no coins' }, 4001],
    [{ ErrorCode: 4001 }, 4001],
  ])("takes the decision service's answer %j", async (answer, errorCode) => {
    const decision = await decideBeforeGift(message, config('block'), answering(answer));
    expect(decision).toMatchObject({ errorCode, decidedBy: 'forward' });
  });

  it.each([
    ['ActionStatus FAIL (could not decide)', { ActionStatus: 'FAIL', ErrorCode: 4001, ErrorInfo: 'wallet down' }, 200, 'could not decide'],
    ['ActionStatus FAIL with code 0', { ActionStatus: 'fail', ErrorCode: 0 }, 200, 'could not decide'],
    ['an answer without ErrorCode', { allow: true }, 200, 'the answer is not {'],
    ['an error status', { ErrorCode: 0 }, 500, 'HTTP 500'],
    ['another 2xx status', { ErrorCode: 0 }, 201, 'HTTP 201'],
  ])('leaves %s to the policy, and logs why', async (_name, answer, status, why) => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const policy of ['allow', 'block'] as const) {
      expect(await decideBeforeGift(message, config(policy), answering(answer, status))).toEqual(policyDecision(policy));
    }
    expect(log.mock.calls.map(([line]) => String(line))).toEqual([expect.stringContaining(why), expect.stringContaining(why)]);
    expect(String(log.mock.calls[0]?.[0])).not.toContain('wallet down');
  });

  it.each([
    [
      'a redirect, not followed',
      () => new Response(null, { status: 302, headers: { location: 'https://elsewhere.example/gift' } }),
      'HTTP 302, redirect refused',
    ],
    ['a 200 that is not JSON', () => new Response('allow', { status: 200 }), 'the answer is not {"ErrorCode": <integer>}'],
    [
      'an answer over 64 KiB',
      () => new Response(JSON.stringify({ ErrorCode: 0, padding: 'x'.repeat(DECISION_ANSWER_MAX_BYTES) })),
      'the answer is too large',
    ],
    ['a network error', () => Promise.reject(new TypeError('fetch failed')), 'network error'],
    ['no answer in time', () => new Promise<Response>(() => undefined), 'no answer within 200 ms'],
  ])('leaves %s to the policy, after one attempt', async (_name, answer, why) => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const requests: Request[] = [];
    const fetch = async (request: Request) => {
      requests.push(request);
      return answer();
    };
    expect(await decideBeforeGift(message, config('block'), fetch)).toEqual(policyDecision('block'));
    expect(requests.map((request) => request.url)).toEqual(['https://decider.example/gift']);
    expect((JSON.parse(String(log.mock.calls[0]?.[0])) as { why: string }).why).toBe(why);
  });
});
