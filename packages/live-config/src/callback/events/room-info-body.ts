import * as v from 'valibot';
import type { EntriesOf } from '../../validation/entries-of.js';
import { callbackCommandField, IdentifierSchema, MillisecondTimeSchema } from './callback-field-schemas.js';
import { type CallbackRoomInfo, CallbackRoomInfoSchema } from './callback-room-info.js';

/**
 * The body of a callback that reports one room's `RoomInfo` (`Live.CallbackAfterCreateRoom`,
 * `Live.CallbackAfterUpdateRoomInfo`): only `RoomInfo.RoomId` is required. Unknown fields pass through.
 */
export interface RoomInfoBody<TCommand extends string> {
  readonly CallbackCommand?: TCommand | (string & {}) | undefined;
  readonly Operator_Account?: string | undefined;
  readonly RoomInfo: CallbackRoomInfo;
  /** Unix milliseconds. */
  readonly EventTime?: number | undefined;
  /** Fields Tencent adds later, as they came. */
  readonly [field: string]: unknown;
}

/**
 * Builds the schema of {@link RoomInfoBody} for `command`.
 *
 * @internal
 */
export function roomInfoBodySchema<const TCommand extends string>(command: TCommand): v.GenericSchema<unknown, RoomInfoBody<TCommand>> {
  return v.looseObject({
    CallbackCommand: callbackCommandField(command),
    Operator_Account: v.optional(IdentifierSchema),
    RoomInfo: CallbackRoomInfoSchema,
    EventTime: v.optional(MillisecondTimeSchema),
  } satisfies EntriesOf<RoomInfoBody<TCommand>>);
}
