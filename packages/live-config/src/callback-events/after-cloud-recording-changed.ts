import * as v from 'valibot';
import {
  CallbackIntegerSchema,
  type CallbackCommandFieldSchema,
  callbackCommandField,
  IdentifierSchema,
  type LenientIntegerSchema,
  MillisecondTimeSchema,
  SecondTimeSchema,
} from './callback-field-schemas.js';

// Module-level schemas are built inside `@__PURE__` IIFEs so bundlers drop the unused ones (README: bundle size).

/**
 * What happened to the recording (`EventInfo` of `Live.CallbackAfterCloudRecordingChanged`): `RoomId` identifies
 * the room and is required; the rest is optional.
 */
export const CloudRecordingEventInfoSchema: v.LooseObjectSchema<
  {
    readonly RoomId: typeof IdentifierSchema;
    /** Unix seconds. */
    readonly EventTs: v.OptionalSchema<LenientIntegerSchema, undefined>;
    /** Unix milliseconds. */
    readonly EventMsTs: v.OptionalSchema<LenientIntegerSchema, undefined>;
    readonly UserId: v.OptionalSchema<typeof IdentifierSchema, undefined>;
    readonly TaskId: v.OptionalSchema<v.StringSchema<undefined>, undefined>;
    readonly Payload: v.OptionalSchema<
      v.LooseObjectSchema<{ readonly Status: v.OptionalSchema<LenientIntegerSchema, undefined> }, undefined>,
      undefined
    >;
  },
  undefined
> = /* @__PURE__ */ (() =>
  v.looseObject({
    RoomId: IdentifierSchema,
    EventTs: v.optional(SecondTimeSchema),
    EventMsTs: v.optional(MillisecondTimeSchema),
    UserId: v.optional(IdentifierSchema),
    TaskId: v.optional(v.string()),
    Payload: v.optional(v.looseObject({ Status: v.optional(CallbackIntegerSchema) })),
  }))();

/**
 * Body of `Live.CallbackAfterCloudRecordingChanged`: a room's recording changed state (zh 269/129603, 2026-03-27;
 * the recording group of the command list 647/64413 as of 2026-03). The EN page (647/78428, 2026-03-26) spells the
 * command `Follow.CallbackAfterCloudRecordingChanged`, which `verifyLiveCallback` takes as this one. Only
 * `EventInfo.RoomId` is required. `EventGroupId` is 3 for cloud recording (8 for page recording); `EventType` is
 * the recording event code (the sample shows 305).
 *
 * @example
 * ```ts
 * if (event.known && event.command === 'Live.CallbackAfterCloudRecordingChanged') {
 *   recordings.update(event.body.EventInfo.RoomId, event.body.EventType, event.body.EventInfo.Payload?.Status);
 * }
 * ```
 */
export const AfterCloudRecordingChangedBodySchema: v.LooseObjectSchema<
  {
    readonly CallbackCommand: CallbackCommandFieldSchema<'Live.CallbackAfterCloudRecordingChanged'>;
    readonly EventGroupId: v.OptionalSchema<LenientIntegerSchema, undefined>;
    readonly EventType: v.OptionalSchema<LenientIntegerSchema, undefined>;
    /** Unix milliseconds at which Tencent sent the callback. */
    readonly CallbackTs: v.OptionalSchema<LenientIntegerSchema, undefined>;
    readonly EventInfo: typeof CloudRecordingEventInfoSchema;
  },
  undefined
> = /* @__PURE__ */ (() =>
  v.looseObject({
    CallbackCommand: callbackCommandField('Live.CallbackAfterCloudRecordingChanged'),
    EventGroupId: v.optional(CallbackIntegerSchema),
    EventType: v.optional(CallbackIntegerSchema),
    CallbackTs: v.optional(MillisecondTimeSchema),
    EventInfo: CloudRecordingEventInfoSchema,
  }))();

/** Body of `Live.CallbackAfterCloudRecordingChanged`. */
export type AfterCloudRecordingChangedBody = v.InferOutput<typeof AfterCloudRecordingChangedBodySchema>;
