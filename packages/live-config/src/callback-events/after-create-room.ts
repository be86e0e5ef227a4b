import type * as v from 'valibot';
import { type RoomInfoBodySchema, roomInfoBodySchema } from './room-info-body.js';

// Module-level schemas are built in `@__PURE__` calls so bundlers drop the unused ones (README: bundle size).

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
export const AfterCreateRoomBodySchema: RoomInfoBodySchema<'Live.CallbackAfterCreateRoom'> =
  /* @__PURE__ */ roomInfoBodySchema('Live.CallbackAfterCreateRoom');

/** Body of `Live.CallbackAfterCreateRoom`. */
export type AfterCreateRoomBody = v.InferOutput<typeof AfterCreateRoomBodySchema>;
