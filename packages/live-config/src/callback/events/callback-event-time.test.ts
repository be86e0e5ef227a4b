import { describe, expect, it } from 'vitest';
import { callbackEventTime } from './callback-event-time.js';

describe('callbackEventTime', () => {
  it.each([
    ['top level (647/110523, most commands)', { EventTime: 1703589922780, RoomInfo: { EventTime: 1 } }, 1703589922780],
    ['inside RoomInfo (647/110679)', { RoomInfo: { RoomId: 'r', EventTime: 1703589922780 } }, 1703589922780],
    ['a string of digits (647/74347, room messages)', { EventTime: '1670574414123' }, 1670574414123],
    ['EventInfo.EventMsTs (recording, 647/78428)', { CallbackTs: 1752580150082, EventInfo: { EventMsTs: 1752580150081 } }, 1752580150081],
    ['RoomInfo when the top-level one is unusable', { EventTime: 'soon', RoomInfo: { EventTime: 5 } }, 5],
  ])('reads it %s', (_where, body, expected) => {
    expect(callbackEventTime(body)).toBe(expected);
  });

  it.each([
    ['no time at all (647/64422)', { RoomInfo: { RoomId: 'r' } }],
    ['a word', { EventTime: 'soon' }],
    ['a fraction', { EventTime: 1.5 }],
    ['a negative number', { EventTime: -1 }],
    ['digits beyond 2^53', { EventTime: '18446744073709551615' }],
    ['a RoomInfo that is not an object', { RoomInfo: [1703589922780] }],
    ['an inherited field only', Object.create({ EventTime: 1 }) as Record<string, never>],
  ])('is undefined for %s', (_name, body) => {
    expect(callbackEventTime(body)).toBeUndefined();
  });
});
