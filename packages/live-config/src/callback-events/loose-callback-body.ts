import * as v from 'valibot';
import { IdentifierSchema, MillisecondTimeSchema } from './callback-field-schemas.js';

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
export function looseCallbackBodySchema<const TCommand extends string>(command: TCommand) {
  return v.looseObject({
    CallbackCommand: v.optional(v.literal(command)),
    RoomId: v.optional(IdentifierSchema),
    Operator_Account: v.optional(IdentifierSchema),
    /** Unix milliseconds. */
    EventTime: v.optional(MillisecondTimeSchema),
  });
}

/** The body type of a loosely documented callback `TCommand`. */
export type LooseCallbackBody<TCommand extends string> = v.InferOutput<ReturnType<typeof looseCallbackBodySchema<TCommand>>>;
