import { ValidationError } from '@tokenwire/core';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { callbackAck } from './callback-ack.js';
import type { CallbackAckBody } from './callback-ack-parts.js';

/** Exactly the answer Tencent documents: these three fields, these types, nothing else. */
const AckBodySchema: v.GenericSchema<unknown, CallbackAckBody> = v.strictObject({
  ActionStatus: v.picklist(['OK', 'FAIL']),
  ErrorCode: v.pipe(v.number(), v.integer()),
  ErrorInfo: v.string(),
});

async function read(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  return v.parse(AckBodySchema, await response.json());
}

function validationError(options: unknown): ValidationError {
  let caught: unknown;
  try {
    callbackAck(options as never);
  } catch (error) {
    caught = error;
  }
  expect(ValidationError.isInstance(caught)).toBe(true);
  return caught as ValidationError;
}

describe('callbackAck', () => {
  it('accepts by default', async () => {
    expect(await read(callbackAck())).toEqual({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });
    expect(await read(callbackAck({}))).toEqual({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });
    expect(await read(callbackAck({ kind: 'accept' }))).toEqual({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });
  });

  it('refuses with ActionStatus OK and a non-zero ErrorCode (as Tencent blocks), still with HTTP 200', async () => {
    expect(await read(callbackAck({ kind: 'refuse' }))).toEqual({ ActionStatus: 'OK', ErrorCode: 1, ErrorInfo: '' });
    expect(await read(callbackAck({ kind: 'refuse', errorCode: 1001, errorInfo: 'not enough coins' }))).toEqual({
      ActionStatus: 'OK',
      ErrorCode: 1001,
      ErrorInfo: 'not enough coins',
    });
    expect(await read(callbackAck({ kind: 'refuse', errorCode: -7 }))).toEqual({ ActionStatus: 'OK', ErrorCode: -7, ErrorInfo: '' });
  });

  it('answers FAIL only for kind: retry (could not process)', async () => {
    expect(await read(callbackAck({ kind: 'retry' }))).toEqual({ ActionStatus: 'FAIL', ErrorCode: 1, ErrorInfo: '' });
    expect(await read(callbackAck({ kind: 'retry', errorCode: 503, errorInfo: 'wallet unavailable' }))).toEqual({
      ActionStatus: 'FAIL',
      ErrorCode: 503,
      ErrorInfo: 'wallet unavailable',
    });
  });

  it.each([
    [{ ok: false }, 'ok', /kind: 'refuse'.*kind: 'retry'/],
    [{ ok: false, errorCode: 1001, errorInfo: 'no' }, 'ok', /ActionStatus OK with a non-zero ErrorCode/],
    [{ ok: true }, 'ok', /is not supported/],
    [{ errorCode: 7 }, 'errorCode', /needs kind: 'refuse'/],
    [{ errorInfo: 'x' }, 'errorInfo', /needs kind: 'refuse'/],
    [{ kind: 'accept', errorCode: 5 }, 'errorCode', /needs kind/],
    [{ kind: 'block' }, 'kind', /'accept', 'refuse' or 'retry'/],
    [{ kind: 'refuse', errorCode: 0 }, 'errorCode', /must not be 0/],
    [{ kind: 'retry', errorCode: 0 }, 'errorCode', /must not be 0/],
    [{ kind: 'refuse', errorCode: 1.5 }, 'errorCode', /must be an integer/],
    [{ kind: 'refuse', errorCode: '1' }, 'errorCode', /must be a number/],
    [{ kind: 'refuse', errorInfo: 3 }, 'errorInfo', /must be a string/],
    [{ kind: 'refuse', reason: 'x' }, 'reason', /is not a known field/],
    [{ okay: true }, 'okay', /is not a known field/],
  ])('refuses %j, naming %s', (options, path, message) => {
    const error = validationError(options);
    expect(error.issues).toEqual([expect.objectContaining({ path, message: expect.stringMatching(message) })]);
  });

  it.each(['yes', null, 1])('refuses options that are not an object (%j)', (options) => {
    expect(validationError(options).message).toMatch(/must be an object/);
  });

  it('never quotes the values it refuses', () => {
    const error = validationError({ kind: 'refuse', errorCode: 'secret-value-123' });
    expect(error.message).not.toContain('secret-value-123');
  });
});
