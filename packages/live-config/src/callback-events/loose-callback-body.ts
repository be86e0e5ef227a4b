import * as v from 'valibot';
import {
  type CallbackCommandFieldSchema,
  callbackCommandField,
  IdentifierSchema,
  type LenientIntegerSchema,
  MillisecondTimeSchema,
} from './callback-field-schemas.js';

/**
 * The type of the schema {@link looseCallbackBodySchema} builds for callback `TCommand`: a loose object whose
 * shared fields are typed when present.
 */
export type LooseCallbackBodySchema<TCommand extends string> = v.LooseObjectSchema<
  {
    readonly CallbackCommand: CallbackCommandFieldSchema<TCommand>;
    readonly RoomId: v.OptionalSchema<typeof IdentifierSchema, undefined>;
    readonly Operator_Account: v.OptionalSchema<typeof IdentifierSchema, undefined>;
    /** Unix milliseconds. */
    readonly EventTime: v.OptionalSchema<LenientIntegerSchema, undefined>;
  },
  undefined
>;

/**
 * Builds the schema of a callback that tokenwire types loosely: the fields most LiveKit callbacks share are typed
 * when present (`RoomId`, `Operator_Account`, `EventTime` — a number or a string of digits), everything else
 * passes through as `unknown`. Nothing is required, so no documented body of these commands is refused.
 *
 * @example
 * ```ts
 * const schema = looseCallbackBodySchema('Live.CallbackAfterStartBattle');
 * ```
 */
export function looseCallbackBodySchema<const TCommand extends string>(command: TCommand): LooseCallbackBodySchema<TCommand> {
  return v.looseObject({
    CallbackCommand: callbackCommandField(command),
    RoomId: v.optional(IdentifierSchema),
    Operator_Account: v.optional(IdentifierSchema),
    EventTime: v.optional(MillisecondTimeSchema),
  });
}

/** The body type of a loosely typed callback `TCommand`. */
export type LooseCallbackBody<TCommand extends string> = v.InferOutput<LooseCallbackBodySchema<TCommand>>;
