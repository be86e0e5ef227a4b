import * as v from 'valibot';
import {
  IdentifierSchema,
  type IntegerSchema,
  MillisecondTimeSchema,
  type OpenPicklistSchema,
  openPicklist,
  SecondTimeSchema,
} from './callback-field-schemas.js';

// Module-level schemas are built inside `@__PURE__` IIFEs so bundlers drop the unused ones (README: bundle size).

/**
 * A LiveKit room's attributes as callbacks report them (`RoomInfo`). `RoomId` is always there; the others
 * depend on how the room was created, so they are optional. Fields Tencent adds later pass through.
 */
export const CallbackRoomInfoSchema: v.LooseObjectSchema<
  {
    readonly RoomId: typeof IdentifierSchema;
    readonly RoomName: v.OptionalSchema<v.StringSchema<undefined>, undefined>;
    readonly RoomType: v.OptionalSchema<OpenPicklistSchema<'Live'>, undefined>;
    readonly Owner_Account: v.OptionalSchema<typeof IdentifierSchema, undefined>;
    readonly MaxMemberCount: v.OptionalSchema<v.NumberSchema<undefined>, undefined>;
    readonly IsMessageDisabled: v.OptionalSchema<v.BooleanSchema<undefined>, undefined>;
    readonly CustomInfo: v.OptionalSchema<v.StringSchema<undefined>, undefined>;
    readonly IsSeatEnabled: v.OptionalSchema<v.BooleanSchema<undefined>, undefined>;
    readonly TakeSeatMode: v.OptionalSchema<OpenPicklistSchema<'None' | 'FreeToTake' | 'ApplyToTake'>, undefined>;
    readonly MaxSeatCount: v.OptionalSchema<v.NumberSchema<undefined>, undefined>;
    /** Unix seconds. */
    readonly CreateTime: v.OptionalSchema<IntegerSchema, undefined>;
    readonly IsPublicVisible: v.OptionalSchema<v.BooleanSchema<undefined>, undefined>;
    readonly CoverURL: v.OptionalSchema<v.StringSchema<undefined>, undefined>;
    readonly Category: v.OptionalSchema<v.ArraySchema<v.NumberSchema<undefined>, undefined>, undefined>;
  },
  undefined
> = /* @__PURE__ */ (() =>
  v.looseObject({
    RoomId: IdentifierSchema,
    RoomName: v.optional(v.string()),
    RoomType: v.optional(openPicklist(['Live'])),
    Owner_Account: v.optional(IdentifierSchema),
    MaxMemberCount: v.optional(v.number()),
    IsMessageDisabled: v.optional(v.boolean()),
    CustomInfo: v.optional(v.string()),
    IsSeatEnabled: v.optional(v.boolean()),
    TakeSeatMode: v.optional(openPicklist(['None', 'FreeToTake', 'ApplyToTake'])),
    MaxSeatCount: v.optional(v.number()),
    /** Unix seconds. */
    CreateTime: v.optional(SecondTimeSchema),
    IsPublicVisible: v.optional(v.boolean()),
    CoverURL: v.optional(v.string()),
    Category: v.optional(v.array(v.number())),
  }))();

/** A room's `RoomInfo` in a callback. */
export type CallbackRoomInfo = v.InferOutput<typeof CallbackRoomInfoSchema>;

/**
 * Body of `Live.CallbackAfterCreateRoom`: a room was created.
 *
 * @example
 * ```ts
 * if (event.known && event.command === 'Live.CallbackAfterCreateRoom') console.log(event.body.RoomInfo.RoomId);
 * ```
 */
export const AfterCreateRoomBodySchema: v.LooseObjectSchema<
  {
    readonly CallbackCommand: v.OptionalSchema<v.LiteralSchema<'Live.CallbackAfterCreateRoom', undefined>, undefined>;
    readonly Operator_Account: typeof IdentifierSchema;
    readonly RoomInfo: typeof CallbackRoomInfoSchema;
    /** Unix milliseconds. */
    readonly EventTime: IntegerSchema;
  },
  undefined
> = /* @__PURE__ */ (() =>
  v.looseObject({
    CallbackCommand: v.optional(v.literal('Live.CallbackAfterCreateRoom')),
    Operator_Account: IdentifierSchema,
    RoomInfo: CallbackRoomInfoSchema,
    /** Unix milliseconds. */
    EventTime: MillisecondTimeSchema,
  }))();

/** Body of `Live.CallbackAfterCreateRoom`. */
export type AfterCreateRoomBody = v.InferOutput<typeof AfterCreateRoomBodySchema>;
