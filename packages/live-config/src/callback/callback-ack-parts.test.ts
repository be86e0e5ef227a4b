import { ValidationError } from '@tokenwire/core';
import { describe, expect, it } from 'vitest';
import { callbackAck } from './callback-ack.js';
import { type CallbackAckOptions, callbackAckParts } from './callback-ack-parts.js';

describe('callbackAckParts', () => {
  it.each<[string, CallbackAckOptions | undefined, string]>([
    ['accept (default)', undefined, '{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}'],
    ['accept', { kind: 'accept' }, '{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}'],
    [
      'refuse',
      { kind: 'refuse', errorCode: 1001, errorInfo: 'not enough coins' },
      '{"ActionStatus":"OK","ErrorCode":1001,"ErrorInfo":"not enough coins"}',
    ],
    ['retry', { kind: 'retry' }, '{"ActionStatus":"FAIL","ErrorCode":1,"ErrorInfo":""}'],
  ])('%s: a plain { status, headers, body }, the same answer callbackAck gives as a Response', async (_, options, body) => {
    const parts = callbackAckParts(options);
    expect(parts).toEqual({ status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body });
    const response = callbackAck(options);
    expect(response.status).toBe(parts.status);
    expect(Object.fromEntries(response.headers)).toEqual(parts.headers);
    expect(await response.text()).toBe(parts.body);
  });

  it('refuses bad options as callbackAck does, before anything is written', () => {
    let caught: unknown;
    try {
      callbackAckParts({ kind: 'refuse', errorCode: 0 });
    } catch (error) {
      caught = error;
    }
    expect(ValidationError.isInstance(caught)).toBe(true);
    expect((caught as ValidationError).issues).toEqual([{ path: 'errorCode', message: "must not be 0 (0 accepts: use kind: 'accept')" }]);
    expect(() => callbackAckParts({ ok: false } as never)).toThrow(/kind: 'refuse'/);
  });
});
