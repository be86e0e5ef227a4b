import * as v from 'valibot';
import { CallbackRoomInfoSchema } from './after-create-room.js';
import {
  CountSchema,
  IdentifierSchema,
  type IntegerSchema,
  MillisecondTimeSchema,
  type NonNegativeIntegerSchema,
  type OpenPicklistSchema,
  openPicklist,
} from './callback-field-schemas.js';

// Module-level schemas are built inside `@__PURE__` IIFEs so bundlers drop the unused ones (README: bundle size).

/** The room's totals reported when it is destroyed (`Statistic`, newer service versions). */
export const DestroyedRoomStatisticSchema: v.LooseObjectSchema<
  {
    readonly TotalViewers: v.OptionalSchema<NonNegativeIntegerSchema, undefined>;
    readonly TotalGiftsSent: v.OptionalSchema<NonNegativeIntegerSchema, undefined>;
    readonly TotalGiftCoins: v.OptionalSchema<NonNegativeIntegerSchema, undefined>;
    readonly TotalUniqueGiftSenders: v.OptionalSchema<NonNegativeIntegerSchema, undefined>;
    readonly TotalLikesReceived: v.OptionalSchema<NonNegativeIntegerSchema, undefined>;
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
 * Body of `Live.CallbackAfterDestroyRoom`: a room was destroyed, by a user or by the system. `RoomInfo` and
 * `Statistic` come from newer service versions, so they are optional.
 *
 * @example
 * ```ts
 * if (event.known && event.command === 'Live.CallbackAfterDestroyRoom') archive(event.body.RoomId, event.body.Statistic);
 * ```
 */
export const AfterDestroyRoomBodySchema: v.LooseObjectSchema<
  {
    readonly CallbackCommand: v.OptionalSchema<v.LiteralSchema<'Live.CallbackAfterDestroyRoom', undefined>, undefined>;
    readonly Operator_Account: typeof IdentifierSchema;
    readonly RoomId: typeof IdentifierSchema;
    readonly EventType: OpenPicklistSchema<'DestroyByUser' | 'DestroyBySystem'>;
    /** Unix milliseconds. */
    readonly EventTime: IntegerSchema;
    readonly RoomInfo: v.OptionalSchema<typeof CallbackRoomInfoSchema, undefined>;
    readonly Statistic: v.OptionalSchema<typeof DestroyedRoomStatisticSchema, undefined>;
  },
  undefined
> = /* @__PURE__ */ (() =>
  v.looseObject({
    CallbackCommand: v.optional(v.literal('Live.CallbackAfterDestroyRoom')),
    Operator_Account: IdentifierSchema,
    RoomId: IdentifierSchema,
    EventType: openPicklist(['DestroyByUser', 'DestroyBySystem']),
    /** Unix milliseconds. */
    EventTime: MillisecondTimeSchema,
    RoomInfo: v.optional(CallbackRoomInfoSchema),
    Statistic: v.optional(DestroyedRoomStatisticSchema),
  }))();

/** Body of `Live.CallbackAfterDestroyRoom`. */
export type AfterDestroyRoomBody = v.InferOutput<typeof AfterDestroyRoomBodySchema>;
