import type * as v from 'valibot';
import { type RoomInfoBody, roomInfoBodySchema } from './room-info-body.js';

/**
 * Body of `Live.CallbackAfterUpdateRoomInfo`: a room's attributes changed (647/67938, 1071/78185). Only
 * `RoomInfo.RoomId` is required; `RoomInfo` carries the attributes that changed.
 *
 * @example
 * ```ts
 * if (event.known && event.command === 'Live.CallbackAfterUpdateRoomInfo') rooms.update(event.body.RoomInfo.RoomId, event.body.RoomInfo);
 * ```
 */
export type AfterUpdateRoomInfoBody = RoomInfoBody<'Live.CallbackAfterUpdateRoomInfo'>;

/** Schema of {@link AfterUpdateRoomInfoBody}. */
export const AfterUpdateRoomInfoBodySchema: v.GenericSchema<unknown, AfterUpdateRoomInfoBody> = /* @__PURE__ */ (() =>
  roomInfoBodySchema('Live.CallbackAfterUpdateRoomInfo'))();
