import * as v from 'valibot';
import type { EntriesOf } from '../../validation/entries-of.js';
import {
  CallbackIntegerSchema,
  CountSchema,
  IdentifierSchema,
  MillisecondTimeSchema,
  openPicklist,
  SecondTimeSchema,
} from './callback-field-schemas.js';

/**
 * The room attributes a `RoomInfo` may carry, every one optional: which are sent depends on the service version
 * and on how the room was created. Integers arrive as numbers or strings of digits and come out as numbers;
 * unknown fields pass through.
 */
export interface CallbackRoomAttributes {
  readonly RoomName?: string | undefined;
  readonly RoomType?: 'Live' | (string & {}) | undefined;
  readonly Owner_Account?: string | undefined;
  readonly MaxMemberCount?: number | undefined;
  readonly IsMessageDisabled?: boolean | undefined;
  readonly CustomInfo?: string | undefined;
  readonly IsSeatEnabled?: boolean | undefined;
  readonly TakeSeatMode?: 'None' | 'FreeToTake' | 'ApplyToTake' | (string & {}) | undefined;
  readonly MaxSeatCount?: number | undefined;
  /** Unix seconds. */
  readonly CreateTime?: number | undefined;
  readonly IsPublicVisible?: boolean | undefined;
  readonly CoverURL?: string | undefined;
  readonly Category?: number[] | undefined;
  readonly ActivityStatus?: number | undefined;
  readonly ViewCount?: number | undefined;
  readonly BackgroundURL?: string | undefined;
  readonly IsUnlimitedRoomEnabled?: boolean | undefined;
  /** Unix milliseconds: where 647/110679 puts the event time of `Live.CallbackAfterCreateRoom`. */
  readonly EventTime?: number | undefined;
  /** Fields Tencent adds later, as they came. */
  readonly [field: string]: unknown;
}

/**
 * A LiveKit room's attributes as `Live.CallbackAfterCreateRoom` and `Live.CallbackAfterUpdateRoomInfo` report them
 * (`RoomInfo`): `RoomId` identifies the room and is required; every attribute is optional.
 */
export interface CallbackRoomInfo extends CallbackRoomAttributes {
  readonly RoomId: string;
}

/**
 * The `RoomInfo` of `Live.CallbackAfterDestroyRoom`: the current samples (1071/78184, 647/110524) send it without
 * `RoomId` — the room is the body's top-level `RoomId` — so here every field is optional.
 */
export interface DestroyedRoomInfo extends CallbackRoomAttributes {
  readonly RoomId?: string | undefined;
}

function roomAttributeEntries() {
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
  } satisfies EntriesOf<CallbackRoomAttributes>;
}

/** Schema of {@link CallbackRoomInfo}. */
export const CallbackRoomInfoSchema: v.GenericSchema<unknown, CallbackRoomInfo> = /* @__PURE__ */ (() =>
  v.looseObject({ RoomId: IdentifierSchema, ...roomAttributeEntries() } satisfies EntriesOf<CallbackRoomInfo>))();

/** Schema of {@link DestroyedRoomInfo}. */
export const DestroyedRoomInfoSchema: v.GenericSchema<unknown, DestroyedRoomInfo> = /* @__PURE__ */ (() =>
  v.looseObject({ RoomId: v.optional(IdentifierSchema), ...roomAttributeEntries() } satisfies EntriesOf<DestroyedRoomInfo>))();
