import { ValidationError } from '@tokenwire/core';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CallbackAckBodySchema, callbackAck } from './callback-ack.js';

async function read(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  return v.parse(CallbackAckBodySchema, await response.json());
}

describe('callbackAck', () => {
  it('accepts by default', async () => {
    expect(await read(callbackAck())).toEqual({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });
    expect(await read(callbackAck({ ok: true }))).toEqual({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });
  });

  it('refuses (blocks a before-callback) with ok: false, still with HTTP 200', async () => {
    expect(await read(callbackAck({ ok: false }))).toEqual({ ActionStatus: 'FAIL', ErrorCode: 1, ErrorInfo: '' });
    expect(await read(callbackAck({ ok: false, errorCode: 1001, errorInfo: 'not enough coins' }))).toEqual({
      ActionStatus: 'FAIL',
      ErrorCode: 1001,
      ErrorInfo: 'not enough coins',
    });
    expect(await read(callbackAck({ errorCode: 7 }))).toEqual({ ActionStatus: 'FAIL', ErrorCode: 7, ErrorInfo: '' });
  });

  it.each([
    [{ ok: true, errorCode: 5 }, 'contradicts'],
    [{ ok: false, errorCode: 0 }, 'non-zero'],
    [{ errorCode: 1.5 }, 'errorCode: must be an integer'],
    [{ errorInfo: 3 }, 'errorInfo: must be a string'],
    [{ okay: true }, 'okay: is not a known field'],
    ['yes', 'must be an object'],
  ])('refuses %j', (options, message) => {
    expect(() => callbackAck(options as never)).toThrow(ValidationError);
    expect(() => callbackAck(options as never)).toThrow(message);
  });
});
