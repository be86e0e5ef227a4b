import type { JsonObject, JsonValue } from '../parse-json-exact.js';

const DIGITS = /^[0-9]{1,16}$/;

function millisecondsOf(value: JsonValue | undefined): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && DIGITS.test(value) ? Number(value) : undefined;
  return number !== undefined && Number.isSafeInteger(number) && number >= 0 ? number : undefined;
}

function child(body: JsonObject, key: string): JsonObject | undefined {
  const value = Object.hasOwn(body, key) ? body[key] : undefined;
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
}

/**
 * The event time of a callback body in Unix milliseconds, from the places Tencent's samples put it, in order:
 * `EventTime`, `RoomInfo.EventTime` (647/110679), `EventInfo.EventMsTs` (recording callbacks, 647/78428). A
 * number or a string of digits counts; anything else, or no such field, gives `undefined`.
 *
 * @internal
 */
export function callbackEventTime(body: JsonObject): number | undefined {
  const own = Object.hasOwn(body, 'EventTime') ? millisecondsOf(body['EventTime']) : undefined;
  if (own !== undefined) return own;
  const roomInfo = child(body, 'RoomInfo');
  const inRoomInfo = roomInfo !== undefined && Object.hasOwn(roomInfo, 'EventTime') ? millisecondsOf(roomInfo['EventTime']) : undefined;
  if (inRoomInfo !== undefined) return inRoomInfo;
  const eventInfo = child(body, 'EventInfo');
  return eventInfo !== undefined && Object.hasOwn(eventInfo, 'EventMsTs') ? millisecondsOf(eventInfo['EventMsTs']) : undefined;
}
