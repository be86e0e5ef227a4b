import * as v from 'valibot';
import type { EntriesOf } from '../../validation/entries-of.js';
import { callbackCommandField, CountSchema, IdentifierSchema, MillisecondTimeSchema, openPicklist } from './callback-field-schemas.js';
import { type DestroyedRoomInfo, DestroyedRoomInfoSchema } from './callback-room-info.js';

/** The room's totals reported when it is destroyed (`Statistic`, 1071/78184 and 647/110524). Unknown fields pass through. */
export interface DestroyedRoomStatistic {
  readonly TotalViewers?: number | undefined;
  readonly TotalGiftsSent?: number | undefined;
  readonly TotalGiftCoins?: number | undefined;
  readonly TotalUniqueGiftSenders?: number | undefined;
  readonly TotalLikesReceived?: number | undefined;
  /** Fields Tencent adds later, as they came. */
  readonly [field: string]: unknown;
}

/**
 * Body of `Live.CallbackAfterDestroyRoom`: a room was destroyed, by a user or by the system. Only the top-level
 * `RoomId` is required. `RoomInfo` and `Statistic` come with newer service versions (1071/78184, 647/110524),
 * and that `RoomInfo` has no `RoomId` of its own. Unknown fields pass through.
 *
 * @example
 * ```ts
 * if (event.known && event.command === 'Live.CallbackAfterDestroyRoom') archive(event.body.RoomId, event.body.Statistic);
 * ```
 */
export interface AfterDestroyRoomBody {
  readonly CallbackCommand?: 'Live.CallbackAfterDestroyRoom' | (string & {}) | undefined;
  readonly Operator_Account?: string | undefined;
  readonly RoomId: string;
  readonly EventType?: 'DestroyByUser' | 'DestroyBySystem' | (string & {}) | undefined;
  /** Unix milliseconds. */
  readonly EventTime?: number | undefined;
  readonly RoomInfo?: DestroyedRoomInfo | undefined;
  readonly Statistic?: DestroyedRoomStatistic | undefined;
  /** Fields Tencent adds later, as they came. */
  readonly [field: string]: unknown;
}

const DestroyedRoomStatisticSchema: v.GenericSchema<unknown, DestroyedRoomStatistic> = /* @__PURE__ */ (() =>
  v.looseObject({
    TotalViewers: v.optional(CountSchema),
    TotalGiftsSent: v.optional(CountSchema),
    TotalGiftCoins: v.optional(CountSchema),
    TotalUniqueGiftSenders: v.optional(CountSchema),
    TotalLikesReceived: v.optional(CountSchema),
  } satisfies EntriesOf<DestroyedRoomStatistic>))();

/** Schema of {@link AfterDestroyRoomBody}. */
export const AfterDestroyRoomBodySchema: v.GenericSchema<unknown, AfterDestroyRoomBody> = /* @__PURE__ */ (() =>
  v.looseObject({
    CallbackCommand: callbackCommandField('Live.CallbackAfterDestroyRoom'),
    Operator_Account: v.optional(IdentifierSchema),
    RoomId: IdentifierSchema,
    EventType: v.optional(openPicklist(['DestroyByUser', 'DestroyBySystem'])),
    EventTime: v.optional(MillisecondTimeSchema),
    RoomInfo: v.optional(DestroyedRoomInfoSchema),
    Statistic: v.optional(DestroyedRoomStatisticSchema),
  } satisfies EntriesOf<AfterDestroyRoomBody>))();
