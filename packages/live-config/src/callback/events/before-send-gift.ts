import * as v from 'valibot';
import type { EntriesOf } from '../../validation/entries-of.js';
import { callbackCommandField, CountSchema, IdentifierSchema, SecondTimeSchema } from './callback-field-schemas.js';

/**
 * One gift being sent (`GiftWater`). Every field is optional: decide what a gift without one means to you. Unknown
 * fields pass through.
 */
export interface GiftWater {
  readonly From_Account?: string | undefined;
  readonly To_Account?: string[] | undefined;
  /** Unix seconds. */
  readonly Time?: number | undefined;
  readonly GiftId?: string | undefined;
  readonly Count?: number | undefined;
  readonly Coins?: number | undefined;
  /** Fields Tencent adds later, as they came. */
  readonly [field: string]: unknown;
}

/**
 * Body of `Live.CallbackBeforeSendGift`: a gift is about to be sent (647/72210). Only `RoomId` is required. Your
 * answer decides: `callbackAck()` lets the gift through, `callbackAck({ kind: 'refuse', errorCode, errorInfo })`
 * (`ActionStatus` `OK` with a non-zero `ErrorCode`) blocks it. Tencent waits 2 s and, by default, blocks the gift
 * when no answer arrives. A `FAIL` answer is a failed callback, not a refusal: with the non-blocking option
 * (`Live.CallbackBeforeCallBackNotBlock`) the gift goes through (647/121916).
 *
 * @example
 * ```ts
 * if (event.known && event.command === 'Live.CallbackBeforeSendGift') {
 *   const { From_Account: sender, Coins: coins } = event.body.GiftWater ?? {};
 *   const affordable = sender !== undefined && coins !== undefined && (await wallet.reserve(sender, coins));
 *   return affordable ? callbackAck() : callbackAck({ kind: 'refuse', errorCode: 1001, errorInfo: 'insufficient balance' });
 * }
 * ```
 */
export interface BeforeSendGiftBody {
  readonly CallbackCommand?: 'Live.CallbackBeforeSendGift' | (string & {}) | undefined;
  readonly Operator_Account?: string | undefined;
  readonly RoomId: string;
  readonly GiftWater?: GiftWater | undefined;
  /** Fields Tencent adds later, as they came. */
  readonly [field: string]: unknown;
}

const GiftWaterSchema: v.GenericSchema<unknown, GiftWater> = /* @__PURE__ */ (() =>
  v.looseObject({
    From_Account: v.optional(IdentifierSchema),
    To_Account: v.optional(v.array(IdentifierSchema)),
    Time: v.optional(SecondTimeSchema),
    GiftId: v.optional(IdentifierSchema),
    Count: v.optional(CountSchema),
    Coins: v.optional(CountSchema),
  } satisfies EntriesOf<GiftWater>))();

/** Schema of {@link BeforeSendGiftBody}. */
export const BeforeSendGiftBodySchema: v.GenericSchema<unknown, BeforeSendGiftBody> = /* @__PURE__ */ (() =>
  v.looseObject({
    CallbackCommand: callbackCommandField('Live.CallbackBeforeSendGift'),
    Operator_Account: v.optional(IdentifierSchema),
    RoomId: IdentifierSchema,
    GiftWater: v.optional(GiftWaterSchema),
  } satisfies EntriesOf<BeforeSendGiftBody>))();
