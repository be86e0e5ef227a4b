import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { KNOWN_CALLBACK_COMMANDS, type KnownCallbackCommand } from '../known-callback-commands.js';
import { CallbackRoomInfoSchema, DestroyedRoomInfoSchema } from './callback-room-info.js';
import { CountSchema, MillisecondTimeSchema } from './callback-field-schemas.js';
import { LIVE_CALLBACK_BODY_SCHEMAS } from './live-callback-body-schemas.js';

/** What identifies each command's event — the only fields its schema requires — as a minimal valid body. */
const MINIMAL: Readonly<Record<KnownCallbackCommand, Record<string, unknown>>> = {
  'Live.CallbackAfterCreateRoom': { RoomInfo: { RoomId: 'r1' } },
  'Live.CallbackAfterDestroyRoom': { RoomId: 'r1' },
  'Live.CallbackAfterUpdateRoomInfo': { RoomInfo: { RoomId: 'r1' } },
  'Live.CallbackAfterSetMetadata': {},
  'Live.CallbackAfterDelMetadata': {},
  'Live.CallbackAfterCreateRoomReachingThreshold': {},
  'Live.CallbackAfterMemberStateChanged': { RoomId: 'r1' },
  'Live.CallbackAfterChangeOwner': { RoomId: 'r1' },
  'Live.CallbackAfterModifyAdmin': {},
  'Mic.CallbackAfterSeatInfoChanged': {},
  'Live.CallbackAfterCreateBattle': {},
  'Live.CallbackAfterStartBattle': {},
  'Live.CallbackAfterEndBattle': {},
  'Live.CallbackBeforeSendGift': { RoomId: 'r1' },
  'Live.CallbackBeforeCallBackNotBlock': {},
  'Group.CallbackAfterSendMsg': {},
  'Group.CallbackBeforeSendMsg': {},
  'Follow.CallbackAfterFollowAdd': {},
  'Follow.CallbackAfterFollowDelete': {},
  'Live.CallbackAfterCloudRecordingChanged': { EventInfo: { RoomId: '635055' } },
};

/** Where each command's room id sits, for the commands that require one. */
const ROOM_ID_PATHS: Partial<Record<KnownCallbackCommand, readonly string[]>> = {
  'Live.CallbackAfterCreateRoom': ['RoomInfo', 'RoomId'],
  'Live.CallbackAfterUpdateRoomInfo': ['RoomInfo', 'RoomId'],
  'Live.CallbackAfterDestroyRoom': ['RoomId'],
  'Live.CallbackAfterMemberStateChanged': ['RoomId'],
  'Live.CallbackAfterChangeOwner': ['RoomId'],
  'Live.CallbackBeforeSendGift': ['RoomId'],
  'Live.CallbackAfterCloudRecordingChanged': ['EventInfo', 'RoomId'],
};

function without(body: Record<string, unknown>, path: readonly string[]): Record<string, unknown> {
  const [head, ...rest] = path as [string, ...string[]];
  if (rest.length === 0) {
    const { [head]: _removed, ...others } = body;
    return others;
  }
  return { ...body, [head]: without(body[head] as Record<string, unknown>, rest) };
}

const issuesOf = (schema: v.GenericSchema, input: unknown) => {
  const result = v.safeParse(schema, input);
  return result.success
    ? []
    : result.issues.map((issue) => `${v.getDotPath(issue) ?? '(value)'}: ${issue.input === undefined ? 'missing' : issue.expected}`);
};

describe('every callback body schema', () => {
  it.each(KNOWN_CALLBACK_COMMANDS)(
    '%s accepts the body with only what identifies the event, with or without CallbackCommand',
    (command) => {
      const schema = LIVE_CALLBACK_BODY_SCHEMAS[command];
      expect(issuesOf(schema, MINIMAL[command])).toEqual([]);
      expect(issuesOf(schema, { CallbackCommand: command, ...MINIMAL[command] })).toEqual([]);
    },
  );

  it.each(Object.entries(ROOM_ID_PATHS))('%s requires the room id at %j', (command, path) => {
    const schema = LIVE_CALLBACK_BODY_SCHEMAS[command as KnownCallbackCommand];
    const issues = issuesOf(schema, without(MINIMAL[command as KnownCallbackCommand], path));
    expect(issues).toEqual([`${path.join('.')}: missing`]);
  });

  it.each(KNOWN_CALLBACK_COMMANDS)('%s lets unknown fields through untouched', (command) => {
    const output = v.parse(LIVE_CALLBACK_BODY_SCHEMAS[command], { ...MINIMAL[command], NewField: { nested: [1] } }) as Record<
      string,
      unknown
    >;
    expect(output['NewField']).toEqual({ nested: [1] });
  });

  it('takes a CallbackCommand of another spelling (verifyLiveCallback reports the disagreement)', () => {
    expect(
      issuesOf(LIVE_CALLBACK_BODY_SCHEMAS['Live.CallbackAfterMemberStateChanged'], {
        CallbackCommand: 'Live.CallbackMemberStateChanged',
        RoomId: 'r',
      }),
    ).toEqual([]);
    expect(issuesOf(LIVE_CALLBACK_BODY_SCHEMAS['Live.CallbackAfterMemberStateChanged'], { CallbackCommand: 7, RoomId: 'r' })).toEqual([
      'CallbackCommand: string',
    ]);
  });
});

describe('lenient fields', () => {
  it('integers arrive as numbers or strings of digits and come out as numbers', () => {
    expect(v.parse(MillisecondTimeSchema, '1670574414123')).toBe(1670574414123);
    expect(v.parse(MillisecondTimeSchema, 1670574414123)).toBe(1670574414123);
    expect(v.parse(CountSchema, '0')).toBe(0);
    const gift = v.parse(LIVE_CALLBACK_BODY_SCHEMAS['Live.CallbackBeforeSendGift'], {
      RoomId: 'r',
      GiftWater: { Coins: '1000', Count: 1, Time: '1703589922', To_Account: ['to1', 1441152166] },
    });
    expect(gift.GiftWater).toEqual({ Coins: 1000, Count: 1, Time: 1703589922, To_Account: ['to1', '1441152166'] });
  });

  it.each([
    ['a word', 'soon'],
    ['a fraction', 1.5],
    ['a fraction as text', '1.5'],
    ['an integer beyond 2^53 (kept as digits by parseJsonExact)', '18446744073709551615'],
    ['an empty string', ''],
    ['a boolean', true],
  ])('refuses %s where an integer belongs, naming what was expected', (_name, value) => {
    expect(issuesOf(MillisecondTimeSchema, value)).toEqual([expect.stringMatching(/: (integer|\(number \| string\))$/)]);
  });

  it('counts are non-negative', () => {
    expect(issuesOf(CountSchema, -1)).toEqual(['(value): non-negative integer']);
    expect(issuesOf(CountSchema, '-1')).toEqual(['(value): non-negative integer']);
  });

  it("RoomInfo takes every documented attribute, EventTime included (647/110679); a destroyed room's needs no RoomId", () => {
    const attributes = {
      RoomName: 'live name',
      RoomType: 'Live',
      Owner_Account: 1441152166,
      IsSeatEnabled: true,
      TakeSeatMode: 'FreeToTake',
      MaxMemberCount: 400,
      MaxSeatCount: '4',
      Category: [1, '2', 3],
      CustomInfo: '',
      IsMessageDisabled: false,
      CoverURL: 'cover url',
      ActivityStatus: 0,
      IsPublicVisible: false,
      ViewCount: 0,
      BackgroundURL: 'background url',
      IsUnlimitedRoomEnabled: true,
      EventTime: 1703589922780,
    };
    expect(v.parse(DestroyedRoomInfoSchema, attributes)).toMatchObject({
      Owner_Account: '1441152166',
      MaxSeatCount: 4,
      Category: [1, 2, 3],
    });
    expect(issuesOf(CallbackRoomInfoSchema, attributes)).toEqual(['RoomId: missing']);
    expect(v.parse(CallbackRoomInfoSchema, { ...attributes, RoomId: 'r' }).EventTime).toBe(1703589922780);
  });

  it('still reports a documented field of the wrong type (the event then arrives untyped, with shapeIssues)', () => {
    expect(issuesOf(LIVE_CALLBACK_BODY_SCHEMAS['Live.CallbackAfterDestroyRoom'], { RoomId: 'r', RoomInfo: 'gone' })).toEqual([
      'RoomInfo: Object',
    ]);
    expect(issuesOf(LIVE_CALLBACK_BODY_SCHEMAS['Live.CallbackAfterMemberStateChanged'], { RoomId: 'r', MemberList: [{}] })).toEqual([
      'MemberList.0.Member_Account: missing',
    ]);
  });
});
