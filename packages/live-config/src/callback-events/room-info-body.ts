import * as v from 'valibot';
import {
  type CallbackCommandFieldSchema,
  callbackCommandField,
  IdentifierSchema,
  type LenientIntegerSchema,
  MillisecondTimeSchema,
} from './callback-field-schemas.js';
import { CallbackRoomInfoSchema } from './callback-room-info.js';

/**
 * The schema of a callback body that reports one room's `RoomInfo` (`Live.CallbackAfterCreateRoom`,
 * `Live.CallbackAfterUpdateRoomInfo`): only `RoomInfo.RoomId` is required; `Operator_Account` and the top-level
 * `EventTime` (Unix milliseconds) are optional.
 */
export type RoomInfoBodySchema<TCommand extends string> = v.LooseObjectSchema<
  {
    readonly CallbackCommand: CallbackCommandFieldSchema<TCommand>;
    readonly Operator_Account: v.OptionalSchema<typeof IdentifierSchema, undefined>;
    readonly RoomInfo: typeof CallbackRoomInfoSchema;
    /** Unix milliseconds. */
    readonly EventTime: v.OptionalSchema<LenientIntegerSchema, undefined>;
  },
  undefined
>;

/**
 * Builds the {@link RoomInfoBodySchema} of `command`.
 *
 * @internal
 */
export function roomInfoBodySchema<TCommand extends string>(command: TCommand): RoomInfoBodySchema<TCommand> {
  return v.looseObject({
    CallbackCommand: callbackCommandField(command),
    Operator_Account: v.optional(IdentifierSchema),
    RoomInfo: CallbackRoomInfoSchema,
    EventTime: v.optional(MillisecondTimeSchema),
  });
}
