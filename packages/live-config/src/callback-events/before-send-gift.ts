import * as v from 'valibot';
import {
  CountSchema,
  IdentifierSchema,
  type IntegerSchema,
  type NonNegativeIntegerSchema,
  SecondTimeSchema,
} from './callback-field-schemas.js';

// Module-level schemas are built inside `@__PURE__` IIFEs so bundlers drop the unused ones (README: bundle size).

/** One gift being sent (`GiftWater`). */
export const GiftWaterSchema: v.LooseObjectSchema<
  {
    readonly From_Account: typeof IdentifierSchema;
    readonly To_Account: v.ArraySchema<typeof IdentifierSchema, undefined>;
    /** Unix seconds. */
    readonly Time: IntegerSchema;
    readonly GiftId: typeof IdentifierSchema;
    readonly Count: NonNegativeIntegerSchema;
    readonly Coins: NonNegativeIntegerSchema;
  },
  undefined
> = /* @__PURE__ */ (() =>
  v.looseObject({
    From_Account: IdentifierSchema,
    To_Account: v.array(IdentifierSchema),
    /** Unix seconds. */
    Time: SecondTimeSchema,
    GiftId: IdentifierSchema,
    Count: CountSchema,
    Coins: CountSchema,
  }))();

/** One gift being sent. */
export type GiftWater = v.InferOutput<typeof GiftWaterSchema>;

/**
 * Body of `Live.CallbackBeforeSendGift`: a gift is about to be sent. Your answer decides: `callbackAck()` lets it
 * through, `callbackAck({ ok: false, errorCode, errorInfo })` (any non-zero `ErrorCode`) blocks it. Tencent waits
 * 2 s and, unless the non-blocking option is configured, blocks the gift when no answer arrives.
 *
 * @example
 * ```ts
 * if (event.known && event.command === 'Live.CallbackBeforeSendGift') {
 *   const affordable = await wallet.reserve(event.body.GiftWater.From_Account, event.body.GiftWater.Coins);
 *   return affordable ? callbackAck() : callbackAck({ ok: false, errorCode: 1001, errorInfo: 'insufficient balance' });
 * }
 * ```
 */
export const BeforeSendGiftBodySchema: v.LooseObjectSchema<
  {
    readonly CallbackCommand: v.OptionalSchema<v.LiteralSchema<'Live.CallbackBeforeSendGift', undefined>, undefined>;
    readonly Operator_Account: typeof IdentifierSchema;
    readonly RoomId: typeof IdentifierSchema;
    readonly GiftWater: typeof GiftWaterSchema;
  },
  undefined
> = /* @__PURE__ */ (() =>
  v.looseObject({
    CallbackCommand: v.optional(v.literal('Live.CallbackBeforeSendGift')),
    Operator_Account: IdentifierSchema,
    RoomId: IdentifierSchema,
    GiftWater: GiftWaterSchema,
  }))();

/** Body of `Live.CallbackBeforeSendGift`. */
export type BeforeSendGiftBody = v.InferOutput<typeof BeforeSendGiftBodySchema>;
