import * as v from 'valibot';
import type { EntriesOf } from '../../validation/entries-of.js';
import { callbackCommandField, IdentifierSchema, MillisecondTimeSchema } from './callback-field-schemas.js';

/**
 * The body of a callback `TCommand` that tokenwire types loosely: the fields most LiveKit callbacks share are typed
 * when present (`RoomId`, `Operator_Account`, `EventTime` — a number or a string of digits, as a number);
 * everything else passes through as `unknown`. Nothing is required, so no documented body of these commands is
 * refused.
 */
export interface LooseCallbackBody<TCommand extends string> {
  readonly CallbackCommand?: TCommand | (string & {}) | undefined;
  readonly RoomId?: string | undefined;
  readonly Operator_Account?: string | undefined;
  /** Unix milliseconds. */
  readonly EventTime?: number | undefined;
  /** The command's other fields, as they came. */
  readonly [field: string]: unknown;
}

/**
 * Builds the schema of {@link LooseCallbackBody} for `command`.
 *
 * @internal
 */
export function looseCallbackBodySchema<const TCommand extends string>(
  command: TCommand,
): v.GenericSchema<unknown, LooseCallbackBody<TCommand>> {
  return v.looseObject({
    CallbackCommand: callbackCommandField(command),
    RoomId: v.optional(IdentifierSchema),
    Operator_Account: v.optional(IdentifierSchema),
    EventTime: v.optional(MillisecondTimeSchema),
  } satisfies EntriesOf<LooseCallbackBody<TCommand>>);
}
