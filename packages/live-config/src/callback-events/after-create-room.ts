import * as v from 'valibot';
import {
  type CallbackCommandFieldSchema,
  callbackCommandField,
  IdentifierSchema,
  type LenientIntegerSchema,
  MillisecondTimeSchema,
} from './callback-field-schemas.js';
import { CallbackRoomInfoSchema } from './callback-room-info.js';

// Module-level schemas are built inside `@__PURE__` IIFEs so bundlers drop the unused ones (README: bundle size).

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
export const AfterCreateRoomBodySchema: v.LooseObjectSchema<
  {
    readonly CallbackCommand: CallbackCommandFieldSchema<'Live.CallbackAfterCreateRoom'>;
    readonly Operator_Account: v.OptionalSchema<typeof IdentifierSchema, undefined>;
    readonly RoomInfo: typeof CallbackRoomInfoSchema;
    /** Unix milliseconds (top level in 647/110523; see also `RoomInfo.EventTime`). */
    readonly EventTime: v.OptionalSchema<LenientIntegerSchema, undefined>;
  },
  undefined
> = /* @__PURE__ */ (() =>
  v.looseObject({
    CallbackCommand: callbackCommandField('Live.CallbackAfterCreateRoom'),
    Operator_Account: v.optional(IdentifierSchema),
    RoomInfo: CallbackRoomInfoSchema,
    EventTime: v.optional(MillisecondTimeSchema),
  }))();

/** Body of `Live.CallbackAfterCreateRoom`. */
export type AfterCreateRoomBody = v.InferOutput<typeof AfterCreateRoomBodySchema>;
