import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHarness } from '../../test/aicc-harness.js';

afterEach(() => {
  vi.useRealTimers();
});

/** Fakes the timers that hold polls and delay the robot; promise jobs still run for real. */
function fakeTimers(): void {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
}

/** Tracks whether a promise has settled, to check it against fake time. */
function track<T>(promise: Promise<T>): { readonly settled: boolean; readonly promise: Promise<T> } {
  const tracked = { settled: false, promise };
  promise.then(
    () => (tracked.settled = true),
    () => (tracked.settled = true),
  );
  return tracked;
}

describe('poll', () => {
  it('returns queued messages at once', async () => {
    const harness = createHarness({ pollHoldMs: 5000 });
    const token = await harness.applyToken('user-1');
    await harness.send(token, 'user-1', 'CONNECT');
    fakeTimers();
    const polled = track(harness.poll(token, 'user-1'));
    await vi.advanceTimersByTimeAsync(0);
    expect(polled.settled).toBe(true); // no time had to pass
    const body = await polled.promise;
    expect(body.resultCode).toBe('0');
    expect(body.resultDesc).toBe('query user messages success.');
    expect(body.downlinkMessages).toHaveLength(2);
    expect(harness.aicc.state.pendingMessages.get('user-1')).toEqual([]);
  });

  it('holds the request for pollHoldMs and then answers with no messages', async () => {
    const harness = createHarness({ pollHoldMs: 120 });
    const token = await harness.connectedUser('user-1');
    fakeTimers();
    const polled = track(harness.poll(token, 'user-1'));
    await vi.advanceTimersByTimeAsync(119);
    expect(polled.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(polled.settled).toBe(true);
    const body = await polled.promise;
    expect(body).toEqual({ resultCode: '0', resultDesc: 'query user messages success.', downlinkMessages: [] });
  });

  it('wakes early when a message arrives during the hold', async () => {
    const harness = createHarness({ pollHoldMs: 5000, robotReplyDelayMs: 40 });
    const token = await harness.connectedUser('user-1');
    fakeTimers();
    await harness.send(token, 'user-1', 'CHAT', { content: 'shipping' });
    expect(harness.aicc.state.pendingMessages.get('user-1')).toEqual([]);
    const polled = track(harness.poll(token, 'user-1'));
    await vi.advanceTimersByTimeAsync(39);
    expect(polled.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1); // the robot answers, long before the hold ends
    expect(polled.settled).toBe(true);
    const body = await polled.promise;
    expect(body.downlinkMessages).toHaveLength(1);
    expect(body.downlinkMessages[0]).toMatchObject({ sourceType: 'ROBOT', content: expect.stringContaining('shipping') });
  });

  it('wakes for a message pushed by the test helper', async () => {
    const harness = createHarness({ pollHoldMs: 5000 });
    const token = await harness.connectedUser('user-1');
    const pending = harness.poll(token, 'user-1');
    await new Promise((resolve) => setTimeout(resolve, 10));
    const pushed = harness.aicc.pushMessage('user-1', { content: 'Hello from the agent' });
    const body = await pending;
    expect(body.downlinkMessages).toEqual([pushed]);
    expect(pushed).toMatchObject({
      sourceType: 'AGENT',
      controlType: 'CHAT',
      mediaType: 'TEXT',
      senderNickname: 'Agent Alice',
      to: 'user-1',
    });
  });

  it('rejects with the abort reason when the request signal aborts, and stops waiting', async () => {
    const harness = createHarness({ pollHoldMs: 5000 });
    const token = await harness.connectedUser('user-1');
    const controller = new AbortController();
    const pending = harness.poll(token, 'user-1', { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    // A message arriving after the abort is kept for the next poll.
    harness.aicc.pushMessage('user-1', { content: 'kept' });
    const next = await harness.poll(token, 'user-1');
    expect(next.downlinkMessages.map((message) => message.content)).toEqual(['kept']);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const harness = createHarness({ pollHoldMs: 5000 });
    const token = await harness.connectedUser('user-1');
    harness.aicc.pushMessage('user-1', { content: 'not taken' });
    const reason = new Error('gone');
    await expect(harness.poll(token, 'user-1', { signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(harness.aicc.state.pendingMessages.get('user-1')).toHaveLength(1);
  });

  it('delivers each message to exactly one of two concurrent polls', async () => {
    const harness = createHarness({ pollHoldMs: 100 });
    const token = await harness.connectedUser('user-1');
    const first = harness.poll(token, 'user-1');
    const second = harness.poll(token, 'user-1');
    await new Promise((resolve) => setTimeout(resolve, 10));
    harness.aicc.pushMessage('user-1', { content: 'once' });
    const bodies = await Promise.all([first, second]);
    expect(bodies.flatMap((body) => body.downlinkMessages).map((message) => message.content)).toEqual(['once']);
  });

  it('is answered with no messages when the service closes', async () => {
    const harness = createHarness({ pollHoldMs: 5000 });
    const token = await harness.connectedUser('user-1');
    const pending = harness.poll(token, 'user-1');
    await new Promise((resolve) => setTimeout(resolve, 10));
    harness.aicc.close();
    expect((await pending).downlinkMessages).toEqual([]);
  });

  it('delivers READ receipts only to polls with isNeedRead=true', async () => {
    const harness = createHarness({ agent: { joinDelayMs: 0 } });
    const token = await harness.connectedUser('user-1');
    await harness.send(token, 'user-1', 'TRANS2AGENT');
    await harness.poll(token, 'user-1');
    await harness.send(token, 'user-1', 'CHAT', { content: 'first' });
    const withReceipts = await harness.poll(token, 'user-1', { isNeedRead: 'true' });
    const read = withReceipts.downlinkMessages.find((message) => message.controlType === 'READ');
    const uplink = harness.aicc.state.messages.get('user-1')?.find((message) => message.sourceType === 'CUSTOMER');
    expect(read).toMatchObject({ sourceType: 'AGENT', content: JSON.stringify([uplink?.messageCode]) });
    await harness.send(token, 'user-1', 'CHAT', { content: 'second' });
    const without = await harness.poll(token, 'user-1', { isNeedRead: 'false' });
    expect(without.downlinkMessages.map((message) => message.controlType)).toEqual(['CHAT']);
  });

  it.each([
    ['no receiverId', { channel: 'WEB' }],
    ['another receiverId', { receiverId: 'user-2', channel: 'WEB' }],
    ['no channel', { receiverId: 'user-1' }],
    ['channel APP', { receiverId: 'user-1', channel: 'APP' }],
    ['isNeedRead yes', { receiverId: 'user-1', channel: 'WEB', isNeedRead: 'yes' }],
  ])('answers resultCode "1" without resultDesc for %s', async (_label, query) => {
    const harness = createHarness();
    const token = await harness.applyToken('user-1');
    const response = await harness.call('poll', { token, query });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ resultCode: '1' });
  });

  it('answers 405 to POST', async () => {
    const harness = createHarness();
    const token = await harness.applyToken('user-1');
    const response = await harness.call('poll', { token, method: 'POST', body: {} });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
  });
});
