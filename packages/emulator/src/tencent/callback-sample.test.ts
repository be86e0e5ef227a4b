import { ValidationError } from '@tokenwire/core';
import { describe, expect, it } from 'vitest';
import { CALLBACK_SAMPLE_DIALECTS, callbackSample, type CallbackSampleOptions } from './callback-sample.js';

function validationError(run: () => unknown): ValidationError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(ValidationError.isInstance(caught)).toBe(true);
  return caught as ValidationError;
}

const valueAt = (body: unknown, path: readonly string[]) =>
  path.reduce<unknown>(
    (value, key) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined),
    body,
  );

describe('CALLBACK_SAMPLE_DIALECTS', () => {
  it('have unique ids, each with pages on Tencent sites', () => {
    expect(new Set(CALLBACK_SAMPLE_DIALECTS.map((dialect) => dialect.id)).size).toBe(CALLBACK_SAMPLE_DIALECTS.length);
    for (const dialect of CALLBACK_SAMPLE_DIALECTS) {
      expect(dialect.pages.length).toBeGreaterThan(0);
      for (const page of dialect.pages) expect(new URL(page).hostname).toMatch(/(^|\.)(tencentcloud\.com|tencent\.com|trtc\.io)$/);
    }
  });

  it('cover the documented shapes of the commands named in the conformance issue', () => {
    const ids = (command: string) => CALLBACK_SAMPLE_DIALECTS.filter((dialect) => dialect.command === command).map((dialect) => dialect.id);
    expect(ids('Live.CallbackAfterCreateRoom')).toEqual(['647-64422', '647-110679', '647-110523']);
    expect(ids('Live.CallbackAfterDestroyRoom')).toEqual(['1071-78184', '269-117712', '647-64423']);
    expect(ids('Live.CallbackAfterMemberStateChanged')).toEqual(['647-64424', '647-64424-table']);
    expect(ids('Live.CallbackAfterCloudRecordingChanged')).toEqual(['269-129603']);
    expect(ids('Follow.CallbackAfterCloudRecordingChanged')).toEqual(['647-78428']);
  });
});

describe.each(CALLBACK_SAMPLE_DIALECTS)('callbackSample $command ($id)', (dialect) => {
  it('is JSON carrying its command, room id and event time where the dialect says', () => {
    const sample = callbackSample(dialect.command, { dialect: dialect.id });
    const body = JSON.parse(sample.body) as Record<string, unknown>;
    expect(body['CallbackCommand']).toBe(dialect.command);
    expect(sample).toMatchObject({ command: dialect.command, queryCommand: dialect.queryCommand, dialect: { id: dialect.id } });
    expect(sample.roomId).toBe(dialect.roomIdPath === undefined ? undefined : valueAt(body, dialect.roomIdPath));
    if (dialect.roomIdPath !== undefined) expect(sample.roomId).toEqual(expect.any(String));
    if (dialect.eventTimePath === undefined) expect(sample.eventTime).toBeUndefined();
    else expect(sample.eventTime).toBe(Number(valueAt(body, dialect.eventTimePath)));
  });

  it('takes the values its body carries, and only those', () => {
    const chosen: CallbackSampleOptions = {
      roomId: 'room-42',
      operator: 'host-ada',
      eventTime: 1800000000123,
      eventCause: 'Kicked',
      coins: 7,
    };
    const options = Object.fromEntries(dialect.fields.map((field) => [field, chosen[field]]));
    const sample = callbackSample(dialect.command, { dialect: dialect.id, ...options });
    const body = JSON.parse(sample.body) as Record<string, unknown>;
    if (dialect.fields.includes('roomId')) expect(sample.roomId).toBe('room-42');
    if (dialect.fields.includes('eventTime')) expect(sample.eventTime).toBe(1800000000123);
    if (dialect.fields.includes('operator')) expect(body['Operator_Account']).toBe('host-ada');
    for (const field of ['roomId', 'operator', 'eventTime', 'eventCause', 'coins'] as const) {
      if (dialect.fields.includes(field)) continue;
      const error = validationError(() => callbackSample(dialect.command, { dialect: dialect.id, [field]: chosen[field] }));
      expect(error.issues).toEqual([
        { path: `options.${field}`, message: expect.stringContaining(`is not part of the ${dialect.id} body`) },
      ]);
    }
  });
});

describe('callbackSample', () => {
  it('defaults to the newest dialect, keeping the page values', () => {
    const sample = callbackSample('Live.CallbackAfterCreateRoom');
    expect(sample.dialect.id).toBe('647-64422');
    expect(sample.body).not.toContain('EventTime');
    expect(sample.roomId).toBe('tandy-test-rest');
  });

  it('keeps integers beyond 2^53 as the pages print them', () => {
    expect(callbackSample('Live.CallbackAfterDestroyRoom').body).toContain('"Owner_Account":144115216631667826');
    expect(callbackSample('Live.CallbackAfterEndBattle').body).toContain('"Owner_Account":144115245353757792');
  });

  it('names the URL command of the parameter tables where they differ from the body', () => {
    expect(callbackSample('Live.CallbackAfterMemberStateChanged', { dialect: '647-64424-table' })).toMatchObject({
      command: 'Live.CallbackAfterMemberStateChanged',
      queryCommand: 'Live.CallbackMemberStateChanged',
    });
    expect(callbackSample('Live.CallbackAfterDelMetadata', { dialect: '647-68223-table' }).queryCommand).toBe(
      'Live.CallbackAfterSetMetadata',
    );
  });

  it('sends a member kicked out as Offline, and the room message time as a string', () => {
    expect(JSON.parse(callbackSample('Live.CallbackAfterMemberStateChanged', { eventCause: 'Kicked' }).body)).toMatchObject({
      EventType: 'Offline',
      EventCause: 'Kicked',
    });
    expect(JSON.parse(callbackSample('Group.CallbackBeforeSendMsg', { eventTime: 5 }).body)).toMatchObject({ EventTime: '5' });
  });

  it.each([
    [
      'a command without a published body',
      () => callbackSample('Live.CallbackBeforeCallBackNotBlock'),
      'command',
      /no published sample body/,
    ],
    ['an unknown command', () => callbackSample('Live.CallbackAfterSomethingNew'), 'command', /no published sample body/],
    [
      "another command's dialect",
      () => callbackSample('Live.CallbackAfterCreateRoom', { dialect: '647-64423' }),
      'options.dialect',
      /647-64422, 647-110679, 647-110523/,
    ],
    [
      'an unknown option',
      () => callbackSample('Live.CallbackAfterCreateRoom', { room: 'r' } as never),
      'options.room',
      /not a known option/,
    ],
    ['an empty room id', () => callbackSample('Live.CallbackAfterCreateRoom', { roomId: '' }), 'options.roomId', /non-empty string/],
    ['a fractional time', () => callbackSample('Live.CallbackAfterDestroyRoom', { eventTime: 1.5 }), 'options.eventTime', /integer/],
    ['negative coins', () => callbackSample('Live.CallbackBeforeSendGift', { coins: -1 }), 'options.coins', /non-negative/],
    ['options that are not an object', () => callbackSample('Live.CallbackBeforeSendGift', 'x' as never), 'options', /object/],
  ])('refuses %s with a ValidationError', (_name, run, path, message) => {
    const error = validationError(run);
    expect(error.issues).toEqual([{ path, message: expect.stringMatching(message) }]);
  });
});
