import { describe, expect, it } from 'vitest';
import { createHarness } from '../../test/aicc-harness.js';

const validBody = { callId: 'user-1', caller: '+86 138-0013-8000', leaveMessage: 'Please call me back.', channel: 'WEB' };

describe('doLeaveMessage', () => {
  it('saves the message without needing a session', async () => {
    const harness = createHarness();
    const token = await harness.applyToken('user-1');
    const response = await harness.call('doLeaveMessage', { token, body: validBody });
    expect(await response.json()).toEqual({ resultCode: '0', resultDesc: 'Save leaveMessage success!' });
    expect(harness.aicc.state.leaveMessages).toEqual([
      {
        userId: 'user-1',
        callId: 'user-1',
        caller: '+86 138-0013-8000',
        leaveMessage: 'Please call me back.',
        savedAt: harness.clock.now(),
      },
    ]);
  });

  it.each([
    ['callId', { callId: undefined }],
    ['caller', { caller: '' }],
    ['leaveMessage', { leaveMessage: null }],
    ['channel', { channel: undefined }],
  ])('answers 2 when %s is missing or empty', async (field, change) => {
    const harness = createHarness();
    const token = await harness.applyToken('user-1');
    const body = (await (await harness.call('doLeaveMessage', { token, body: { ...validBody, ...change } })).json()) as Record<
      string,
      string
    >;
    expect(body).toMatchObject({ resultCode: '2', resultDesc: expect.stringContaining(field) });
    expect(harness.aicc.state.leaveMessages).toEqual([]);
  });

  it.each([
    ['a callId of another user', { callId: 'user-2' }],
    ['a callId over 24 characters', { callId: 'u'.repeat(25) }],
    ['a caller that is not a number', { caller: 'call me' }],
    ['a leaveMessage over 1024 characters', { leaveMessage: 'x'.repeat(1025) }],
    ['channel APP', { channel: 'APP' }],
    ['a numeric leaveMessage', { leaveMessage: 42 }],
  ])('answers 3 for %s', async (_label, change) => {
    const harness = createHarness();
    const token = await harness.applyToken('user-1');
    const body = await (await harness.call('doLeaveMessage', { token, body: { ...validBody, ...change } })).json();
    expect(body).toEqual({ resultCode: '3', resultDesc: 'the leaveMessageParams is error.' });
    expect(harness.aicc.state.leaveMessages).toEqual([]);
  });
});
