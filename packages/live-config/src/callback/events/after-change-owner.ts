import * as v from 'valibot';
import type { EntriesOf } from '../../validation/entries-of.js';
import { callbackCommandField, IdentifierSchema, MillisecondTimeSchema } from './callback-field-schemas.js';

/**
 * Body of `Live.CallbackAfterChangeOwner`: a room's owner changed (647/72553). Only `RoomId` is required. Unknown
 * fields pass through.
 *
 * @example
 * ```ts
 * if (event.known && event.command === 'Live.CallbackAfterChangeOwner' && event.body.CurrentOwner_Account !== undefined) {
 *   rooms.setOwner(event.body.RoomId, event.body.CurrentOwner_Account);
 * }
 * ```
 */
export interface AfterChangeOwnerBody {
  readonly CallbackCommand?: 'Live.CallbackAfterChangeOwner' | (string & {}) | undefined;
  readonly RoomId: string;
  readonly Operator_Account?: string | undefined;
  readonly CurrentOwner_Account?: string | undefined;
  readonly OriginalOwner_Account?: string | undefined;
  /** Unix milliseconds. */
  readonly EventTime?: number | undefined;
  /** Fields Tencent adds later, as they came. */
  readonly [field: string]: unknown;
}

/** Schema of {@link AfterChangeOwnerBody}. */
export const AfterChangeOwnerBodySchema: v.GenericSchema<unknown, AfterChangeOwnerBody> = /* @__PURE__ */ (() =>
  v.looseObject({
    CallbackCommand: callbackCommandField('Live.CallbackAfterChangeOwner'),
    RoomId: IdentifierSchema,
    Operator_Account: v.optional(IdentifierSchema),
    CurrentOwner_Account: v.optional(IdentifierSchema),
    OriginalOwner_Account: v.optional(IdentifierSchema),
    EventTime: v.optional(MillisecondTimeSchema),
  } satisfies EntriesOf<AfterChangeOwnerBody>))();
