import { describe, expect, it } from 'vitest';
import { readCallbackAnswer } from './callback-answer.js';

describe('readCallbackAnswer', () => {
  it.each([
    [{ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' }, { kind: 'accepted' }],
    [{ ErrorCode: 0 }, { kind: 'accepted' }],
    [{ ActionStatus: 'ok', ErrorCode: 0 }, { kind: 'accepted' }],
    [
      { ActionStatus: 'OK', ErrorCode: 1, ErrorInfo: 'blocked' },
      { kind: 'refused', errorCode: 1, errorInfo: 'blocked' },
    ],
    [{ ErrorCode: 4001 }, { kind: 'refused', errorCode: 4001, errorInfo: '' }],
    [
      { ActionStatus: 'FAIL', ErrorCode: 1, ErrorInfo: 'db down' },
      { kind: 'failed', errorCode: 1, errorInfo: 'db down' },
    ],
    [
      { ActionStatus: 'FAIL', ErrorCode: 0 },
      { kind: 'failed', errorCode: 0, errorInfo: '' },
    ],
    [{ ActionStatus: 'Fail' }, { kind: 'failed', errorCode: undefined, errorInfo: '' }],
  ])('reads %j', (answer, expected) => {
    expect(readCallbackAnswer(answer)).toEqual(expected);
  });

  it.each([
    [{ ok: true }, 'no integer ErrorCode'],
    [{ ActionStatus: 'OK', ErrorCode: '0' }, 'no integer ErrorCode'],
    [{ ActionStatus: 'OK', ErrorCode: 1.5 }, 'no integer ErrorCode'],
    [{ ActionStatus: 'MAYBE', ErrorCode: 0 }, 'an ActionStatus other than OK or FAIL'],
    [{ ActionStatus: 1, ErrorCode: 0 }, 'an ActionStatus other than OK or FAIL'],
    [[0], 'not a JSON object'],
    [null, 'not a JSON object'],
    ['OK', 'not a JSON object'],
  ])('finds %j unreadable (%s)', (answer, why) => {
    expect(readCallbackAnswer(answer)).toEqual({ kind: 'unreadable', why });
  });
});
