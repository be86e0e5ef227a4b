import * as v from 'valibot';
import {
  type CallbackCommandFieldSchema,
  callbackCommandField,
  IdentifierSchema,
  type LenientIntegerSchema,
  MillisecondTimeSchema,
} from './callback-field-schemas.js';

// Module-level schemas are built inside `@__PURE__` IIFEs so bundlers drop the unused ones (README: bundle size).

/**
 * Body of `Live.CallbackAfterChangeOwner`: a room's owner changed (647/72553). Only `RoomId` is required.
 *
 * @example
 * ```ts
 * if (event.known && event.command === 'Live.CallbackAfterChangeOwner' && event.body.CurrentOwner_Account !== undefined) {
 *   rooms.setOwner(event.body.RoomId, event.body.CurrentOwner_Account);
 * }
 * ```
 */
export const AfterChangeOwnerBodySchema: v.LooseObjectSchema<
  {
    readonly CallbackCommand: CallbackCommandFieldSchema<'Live.CallbackAfterChangeOwner'>;
    readonly RoomId: typeof IdentifierSchema;
    readonly Operator_Account: v.OptionalSchema<typeof IdentifierSchema, undefined>;
    readonly CurrentOwner_Account: v.OptionalSchema<typeof IdentifierSchema, undefined>;
    readonly OriginalOwner_Account: v.OptionalSchema<typeof IdentifierSchema, undefined>;
    /** Unix milliseconds. */
    readonly EventTime: v.OptionalSchema<LenientIntegerSchema, undefined>;
  },
  undefined
> = /* @__PURE__ */ (() =>
  v.looseObject({
    CallbackCommand: callbackCommandField('Live.CallbackAfterChangeOwner'),
    RoomId: IdentifierSchema,
    Operator_Account: v.optional(IdentifierSchema),
    CurrentOwner_Account: v.optional(IdentifierSchema),
    OriginalOwner_Account: v.optional(IdentifierSchema),
    EventTime: v.optional(MillisecondTimeSchema),
  }))();

/** Body of `Live.CallbackAfterChangeOwner`. */
export type AfterChangeOwnerBody = v.InferOutput<typeof AfterChangeOwnerBodySchema>;
