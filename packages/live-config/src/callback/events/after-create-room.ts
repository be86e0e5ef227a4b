import type * as v from 'valibot';
import { type RoomInfoBody, roomInfoBodySchema } from './room-info-body.js';

/**
 * Body of `Live.CallbackAfterCreateRoom`: a room was created. Only `RoomInfo.RoomId` is required. The event time
 * moves between the documented samples — absent (647/64422, the current zh/en/jp page), inside `RoomInfo`
 * (647/110679) or at the top level (647/110523) — so both `EventTime` fields are optional; the event's
 * `eventTime` reads whichever is there.
 *
 * @example
 * ```ts
 * if (event.known && event.command === 'Live.CallbackAfterCreateRoom') rooms.add(event.body.RoomInfo.RoomId, event.eventTime);
 * ```
 */
export type AfterCreateRoomBody = RoomInfoBody<'Live.CallbackAfterCreateRoom'>;

/** Schema of {@link AfterCreateRoomBody}. */
export const AfterCreateRoomBodySchema: v.GenericSchema<unknown, AfterCreateRoomBody> = /* @__PURE__ */ (() =>
  roomInfoBodySchema('Live.CallbackAfterCreateRoom'))();
