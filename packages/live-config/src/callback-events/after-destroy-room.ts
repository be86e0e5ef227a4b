import * as v from 'valibot';
import {
  type CallbackCommandFieldSchema,
  callbackCommandField,
  CountSchema,
  IdentifierSchema,
  type LenientIntegerSchema,
  MillisecondTimeSchema,
  type OpenPicklistSchema,
  openPicklist,
} from './callback-field-schemas.js';
import { DestroyedRoomInfoSchema } from './callback-room-info.js';

// Module-level schemas are built inside `@__PURE__` IIFEs so bundlers drop the unused ones (README: bundle size).

/** The room's totals reported when it is destroyed (`Statistic`, 1071/78184 and 647/110524). */
export const DestroyedRoomStatisticSchema: v.LooseObjectSchema<
  {
    readonly TotalViewers: v.OptionalSchema<LenientIntegerSchema, undefined>;
    readonly TotalGiftsSent: v.OptionalSchema<LenientIntegerSchema, undefined>;
    readonly TotalGiftCoins: v.OptionalSchema<LenientIntegerSchema, undefined>;
    readonly TotalUniqueGiftSenders: v.OptionalSchema<LenientIntegerSchema, undefined>;
    readonly TotalLikesReceived: v.OptionalSchema<LenientIntegerSchema, undefined>;
  },
  undefined
> = /* @__PURE__ */ (() =>
  v.looseObject({
    TotalViewers: v.optional(CountSchema),
    TotalGiftsSent: v.optional(CountSchema),
    TotalGiftCoins: v.optional(CountSchema),
    TotalUniqueGiftSenders: v.optional(CountSchema),
    TotalLikesReceived: v.optional(CountSchema),
  }))();

/**
 * Body of `Live.CallbackAfterDestroyRoom`: a room was destroyed, by a user or by the system. Only the top-level
 * `RoomId` is required. `RoomInfo` and `Statistic` come with newer service versions (1071/78184, 647/110524),
 * and that `RoomInfo` has no `RoomId` of its own.
 *
 * @example
 * ```ts
 * if (event.known && event.command === 'Live.CallbackAfterDestroyRoom') archive(event.body.RoomId, event.body.Statistic);
 * ```
 */
export const AfterDestroyRoomBodySchema: v.LooseObjectSchema<
  {
    readonly CallbackCommand: CallbackCommandFieldSchema<'Live.CallbackAfterDestroyRoom'>;
    readonly Operator_Account: v.OptionalSchema<typeof IdentifierSchema, undefined>;
    readonly RoomId: typeof IdentifierSchema;
    readonly EventType: v.OptionalSchema<OpenPicklistSchema<'DestroyByUser' | 'DestroyBySystem'>, undefined>;
    /** Unix milliseconds. */
    readonly EventTime: v.OptionalSchema<LenientIntegerSchema, undefined>;
    readonly RoomInfo: v.OptionalSchema<typeof DestroyedRoomInfoSchema, undefined>;
    readonly Statistic: v.OptionalSchema<typeof DestroyedRoomStatisticSchema, undefined>;
  },
  undefined
> = /* @__PURE__ */ (() =>
  v.looseObject({
    CallbackCommand: callbackCommandField('Live.CallbackAfterDestroyRoom'),
    Operator_Account: v.optional(IdentifierSchema),
    RoomId: IdentifierSchema,
    EventType: v.optional(openPicklist(['DestroyByUser', 'DestroyBySystem'])),
    EventTime: v.optional(MillisecondTimeSchema),
    RoomInfo: v.optional(DestroyedRoomInfoSchema),
    Statistic: v.optional(DestroyedRoomStatisticSchema),
  }))();

/** Body of `Live.CallbackAfterDestroyRoom`. */
export type AfterDestroyRoomBody = v.InferOutput<typeof AfterDestroyRoomBodySchema>;
