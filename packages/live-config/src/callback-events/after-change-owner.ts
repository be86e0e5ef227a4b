import * as v from 'valibot';
import { IdentifierSchema, type IntegerSchema, MillisecondTimeSchema } from './callback-field-schemas.js';

// Module-level schemas are built inside `@__PURE__` IIFEs so bundlers drop the unused ones (README: bundle size).

/**
 * Body of `Live.CallbackAfterChangeOwner`: a room's owner changed.
 *
 * @example
 * ```ts
 * if (event.known && event.command === 'Live.CallbackAfterChangeOwner') rooms.setOwner(event.body.RoomId, event.body.CurrentOwner_Account);
 * ```
 */
export const AfterChangeOwnerBodySchema: v.LooseObjectSchema<
  {
    readonly CallbackCommand: v.OptionalSchema<v.LiteralSchema<'Live.CallbackAfterChangeOwner', undefined>, undefined>;
    readonly RoomId: typeof IdentifierSchema;
    readonly Operator_Account: typeof IdentifierSchema;
    readonly CurrentOwner_Account: typeof IdentifierSchema;
    readonly OriginalOwner_Account: typeof IdentifierSchema;
    /** Unix milliseconds. */
    readonly EventTime: IntegerSchema;
  },
  undefined
> = /* @__PURE__ */ (() =>
  v.looseObject({
    CallbackCommand: v.optional(v.literal('Live.CallbackAfterChangeOwner')),
    RoomId: IdentifierSchema,
    Operator_Account: IdentifierSchema,
    CurrentOwner_Account: IdentifierSchema,
    OriginalOwner_Account: IdentifierSchema,
    /** Unix milliseconds. */
    EventTime: MillisecondTimeSchema,
  }))();

/** Body of `Live.CallbackAfterChangeOwner`. */
export type AfterChangeOwnerBody = v.InferOutput<typeof AfterChangeOwnerBodySchema>;
