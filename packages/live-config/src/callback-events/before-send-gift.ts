import * as v from 'valibot';
import {
  type CallbackCommandFieldSchema,
  callbackCommandField,
  CountSchema,
  IdentifierSchema,
  type LenientIntegerSchema,
  SecondTimeSchema,
} from './callback-field-schemas.js';

// Module-level schemas are built inside `@__PURE__` IIFEs so bundlers drop the unused ones (README: bundle size).

/** One gift being sent (`GiftWater`). Every field is optional: decide what a gift without one means to you. */
export const GiftWaterSchema: v.LooseObjectSchema<
  {
    readonly From_Account: v.OptionalSchema<typeof IdentifierSchema, undefined>;
    readonly To_Account: v.OptionalSchema<v.ArraySchema<typeof IdentifierSchema, undefined>, undefined>;
    /** Unix seconds. */
    readonly Time: v.OptionalSchema<LenientIntegerSchema, undefined>;
    readonly GiftId: v.OptionalSchema<typeof IdentifierSchema, undefined>;
    readonly Count: v.OptionalSchema<LenientIntegerSchema, undefined>;
    readonly Coins: v.OptionalSchema<LenientIntegerSchema, undefined>;
  },
  undefined
> = /* @__PURE__ */ (() =>
  v.looseObject({
    From_Account: v.optional(IdentifierSchema),
    To_Account: v.optional(v.array(IdentifierSchema)),
    Time: v.optional(SecondTimeSchema),
    GiftId: v.optional(IdentifierSchema),
    Count: v.optional(CountSchema),
    Coins: v.optional(CountSchema),
  }))();

/** One gift being sent. */
export type GiftWater = v.InferOutput<typeof GiftWaterSchema>;

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
export const BeforeSendGiftBodySchema: v.LooseObjectSchema<
  {
    readonly CallbackCommand: CallbackCommandFieldSchema<'Live.CallbackBeforeSendGift'>;
    readonly Operator_Account: v.OptionalSchema<typeof IdentifierSchema, undefined>;
    readonly RoomId: typeof IdentifierSchema;
    readonly GiftWater: v.OptionalSchema<typeof GiftWaterSchema, undefined>;
  },
  undefined
> = /* @__PURE__ */ (() =>
  v.looseObject({
    CallbackCommand: callbackCommandField('Live.CallbackBeforeSendGift'),
    Operator_Account: v.optional(IdentifierSchema),
    RoomId: IdentifierSchema,
    GiftWater: v.optional(GiftWaterSchema),
  }))();

/** Body of `Live.CallbackBeforeSendGift`. */
export type BeforeSendGiftBody = v.InferOutput<typeof BeforeSendGiftBodySchema>;
