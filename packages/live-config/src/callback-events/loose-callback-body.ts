import * as v from 'valibot';
import { IdentifierSchema, type IntegerSchema, MillisecondTimeSchema } from './callback-field-schemas.js';

/**
 * The type of the schema {@link looseCallbackBodySchema} builds for callback `TCommand`: a loose object whose
 * shared fields are typed when present.
 */
export type LooseCallbackBodySchema<TCommand extends string> = v.LooseObjectSchema<
  {
    readonly CallbackCommand: v.OptionalSchema<v.LiteralSchema<TCommand, undefined>, undefined>;
    readonly RoomId: v.OptionalSchema<typeof IdentifierSchema, undefined>;
    readonly Operator_Account: v.OptionalSchema<typeof IdentifierSchema, undefined>;
    /** Unix milliseconds. */
    readonly EventTime: v.OptionalSchema<IntegerSchema, undefined>;
  },
  undefined
>;

/**
 * Builds the schema of a callback whose body Tencent documents only loosely: the fields most LiveKit callbacks
 * share are typed when present (`RoomId`, `Operator_Account`, `EventTime`), everything else passes through as
 * `unknown`.
 *
 * @example
 * ```ts
 * const schema = looseCallbackBodySchema('Live.CallbackAfterStartBattle');
 * ```
 */
export function looseCallbackBodySchema<const TCommand extends string>(command: TCommand): LooseCallbackBodySchema<TCommand> {
  return v.looseObject({
    CallbackCommand: v.optional(v.literal(command)),
    RoomId: v.optional(IdentifierSchema),
    Operator_Account: v.optional(IdentifierSchema),
    /** Unix milliseconds. */
    EventTime: v.optional(MillisecondTimeSchema),
  });
}

/** The body type of a loosely documented callback `TCommand`. */
export type LooseCallbackBody<TCommand extends string> = v.InferOutput<LooseCallbackBodySchema<TCommand>>;
