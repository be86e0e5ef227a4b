import type * as v from 'valibot';
import { type RoomInfoBodySchema, roomInfoBodySchema } from './room-info-body.js';

// Module-level schemas are built in `@__PURE__` calls so bundlers drop the unused ones (README: bundle size).

/**
 * Body of `Live.CallbackAfterUpdateRoomInfo`: a room's attributes changed (647/67938, 1071/78185). Only
 * `RoomInfo.RoomId` is required; `RoomInfo` carries the attributes that changed.
 *
 * @example
 * ```ts
 * if (event.known && event.command === 'Live.CallbackAfterUpdateRoomInfo') rooms.update(event.body.RoomInfo.RoomId, event.body.RoomInfo);
 * ```
 */
export const AfterUpdateRoomInfoBodySchema: RoomInfoBodySchema<'Live.CallbackAfterUpdateRoomInfo'> =
  /* @__PURE__ */ roomInfoBodySchema('Live.CallbackAfterUpdateRoomInfo');

/** Body of `Live.CallbackAfterUpdateRoomInfo`. */
export type AfterUpdateRoomInfoBody = v.InferOutput<typeof AfterUpdateRoomInfoBodySchema>;
