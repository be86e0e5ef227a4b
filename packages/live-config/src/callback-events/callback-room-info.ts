import * as v from 'valibot';
import {
  CallbackIntegerSchema,
  CountSchema,
  IdentifierSchema,
  type LenientIntegerSchema,
  MillisecondTimeSchema,
  type OpenPicklistSchema,
  openPicklist,
  SecondTimeSchema,
} from './callback-field-schemas.js';

// Module-level schemas are built inside `@__PURE__` IIFEs so bundlers drop the unused ones (README: bundle size).

/**
 * The room attributes a `RoomInfo` may carry, every one optional: which are sent depends on the service version
 * and on how the room was created. Unknown fields pass through.
 */
export type CallbackRoomAttributeEntries = {
  readonly RoomName: v.OptionalSchema<v.StringSchema<undefined>, undefined>;
  readonly RoomType: v.OptionalSchema<OpenPicklistSchema<'Live'>, undefined>;
  readonly Owner_Account: v.OptionalSchema<typeof IdentifierSchema, undefined>;
  readonly MaxMemberCount: v.OptionalSchema<LenientIntegerSchema, undefined>;
  readonly IsMessageDisabled: v.OptionalSchema<v.BooleanSchema<undefined>, undefined>;
  readonly CustomInfo: v.OptionalSchema<v.StringSchema<undefined>, undefined>;
  readonly IsSeatEnabled: v.OptionalSchema<v.BooleanSchema<undefined>, undefined>;
  readonly TakeSeatMode: v.OptionalSchema<OpenPicklistSchema<'None' | 'FreeToTake' | 'ApplyToTake'>, undefined>;
  readonly MaxSeatCount: v.OptionalSchema<LenientIntegerSchema, undefined>;
  /** Unix seconds. */
  readonly CreateTime: v.OptionalSchema<LenientIntegerSchema, undefined>;
  readonly IsPublicVisible: v.OptionalSchema<v.BooleanSchema<undefined>, undefined>;
  readonly CoverURL: v.OptionalSchema<v.StringSchema<undefined>, undefined>;
  readonly Category: v.OptionalSchema<v.ArraySchema<LenientIntegerSchema, undefined>, undefined>;
  readonly ActivityStatus: v.OptionalSchema<LenientIntegerSchema, undefined>;
  readonly ViewCount: v.OptionalSchema<LenientIntegerSchema, undefined>;
  readonly BackgroundURL: v.OptionalSchema<v.StringSchema<undefined>, undefined>;
  readonly IsUnlimitedRoomEnabled: v.OptionalSchema<v.BooleanSchema<undefined>, undefined>;
  /** Unix milliseconds: where 647/110679 puts the event time of `Live.CallbackAfterCreateRoom`. */
  readonly EventTime: v.OptionalSchema<LenientIntegerSchema, undefined>;
};

function roomAttributeEntries(): CallbackRoomAttributeEntries {
  return {
    RoomName: v.optional(v.string()),
    RoomType: v.optional(openPicklist(['Live'])),
    Owner_Account: v.optional(IdentifierSchema),
    MaxMemberCount: v.optional(CallbackIntegerSchema),
    IsMessageDisabled: v.optional(v.boolean()),
    CustomInfo: v.optional(v.string()),
    IsSeatEnabled: v.optional(v.boolean()),
    TakeSeatMode: v.optional(openPicklist(['None', 'FreeToTake', 'ApplyToTake'])),
    MaxSeatCount: v.optional(CallbackIntegerSchema),
    CreateTime: v.optional(SecondTimeSchema),
    IsPublicVisible: v.optional(v.boolean()),
    CoverURL: v.optional(v.string()),
    Category: v.optional(v.array(CallbackIntegerSchema)),
    ActivityStatus: v.optional(CallbackIntegerSchema),
    ViewCount: v.optional(CountSchema),
    BackgroundURL: v.optional(v.string()),
    IsUnlimitedRoomEnabled: v.optional(v.boolean()),
    EventTime: v.optional(MillisecondTimeSchema),
  };
}

/**
 * A LiveKit room's attributes as `Live.CallbackAfterCreateRoom` and `Live.CallbackAfterUpdateRoomInfo` report them
 * (`RoomInfo`): `RoomId` identifies the room and is required; every attribute is optional
 * ({@link CallbackRoomAttributeEntries}). Fields Tencent adds later pass through.
 */
export const CallbackRoomInfoSchema: v.LooseObjectSchema<
  { readonly RoomId: typeof IdentifierSchema } & CallbackRoomAttributeEntries,
  undefined
> = /* @__PURE__ */ (() => v.looseObject({ RoomId: IdentifierSchema, ...roomAttributeEntries() }))();

/** A room's `RoomInfo` in a callback. */
export type CallbackRoomInfo = v.InferOutput<typeof CallbackRoomInfoSchema>;

/**
 * The `RoomInfo` of `Live.CallbackAfterDestroyRoom`: the current samples (1071/78184, 647/110524) send it without
 * `RoomId` — the room is the body's top-level `RoomId` — so here every field is optional.
 */
export const DestroyedRoomInfoSchema: v.LooseObjectSchema<
  { readonly RoomId: v.OptionalSchema<typeof IdentifierSchema, undefined> } & CallbackRoomAttributeEntries,
  undefined
> = /* @__PURE__ */ (() => v.looseObject({ RoomId: v.optional(IdentifierSchema), ...roomAttributeEntries() }))();

/** The `RoomInfo` of a destroyed room. */
export type DestroyedRoomInfo = v.InferOutput<typeof DestroyedRoomInfoSchema>;
