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
 * Body of `Live.CallbackAfterUpdateRoomInfo`: a room's attributes changed (647/67938, 1071/78185). Only
 * `RoomInfo.RoomId` is required; `RoomInfo` carries the attributes that changed.
 *
 * @example
 * ```ts
 * if (event.known && event.command === 'Live.CallbackAfterUpdateRoomInfo') rooms.update(event.body.RoomInfo.RoomId, event.body.RoomInfo);
 * ```
 */
export const AfterUpdateRoomInfoBodySchema: v.LooseObjectSchema<
  {
    readonly CallbackCommand: CallbackCommandFieldSchema<'Live.CallbackAfterUpdateRoomInfo'>;
    readonly Operator_Account: v.OptionalSchema<typeof IdentifierSchema, undefined>;
    readonly RoomInfo: typeof CallbackRoomInfoSchema;
    /** Unix milliseconds. */
    readonly EventTime: v.OptionalSchema<LenientIntegerSchema, undefined>;
  },
  undefined
> = /* @__PURE__ */ (() =>
  v.looseObject({
    CallbackCommand: callbackCommandField('Live.CallbackAfterUpdateRoomInfo'),
    Operator_Account: v.optional(IdentifierSchema),
    RoomInfo: CallbackRoomInfoSchema,
    EventTime: v.optional(MillisecondTimeSchema),
  }))();

/** Body of `Live.CallbackAfterUpdateRoomInfo`. */
export type AfterUpdateRoomInfoBody = v.InferOutput<typeof AfterUpdateRoomInfoBodySchema>;
