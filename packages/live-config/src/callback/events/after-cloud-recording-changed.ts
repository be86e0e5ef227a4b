import * as v from 'valibot';
import type { EntriesOf } from '../../validation/entries-of.js';
import {
  CallbackIntegerSchema,
  callbackCommandField,
  IdentifierSchema,
  MillisecondTimeSchema,
  SecondTimeSchema,
} from './callback-field-schemas.js';

/** The `Payload` of a recording event: the recording's `Status` code, when sent. Unknown fields pass through. */
export interface CloudRecordingPayload {
  readonly Status?: number | undefined;
  /** Fields Tencent adds later, as they came. */
  readonly [field: string]: unknown;
}

/**
 * What happened to the recording (`EventInfo` of `Live.CallbackAfterCloudRecordingChanged`): `RoomId` identifies
 * the room and is required; the rest is optional. Unknown fields pass through.
 */
export interface CloudRecordingEventInfo {
  readonly RoomId: string;
  /** Unix seconds. */
  readonly EventTs?: number | undefined;
  /** Unix milliseconds. */
  readonly EventMsTs?: number | undefined;
  readonly UserId?: string | undefined;
  readonly TaskId?: string | undefined;
  readonly Payload?: CloudRecordingPayload | undefined;
  /** Fields Tencent adds later, as they came. */
  readonly [field: string]: unknown;
}

/**
 * Body of `Live.CallbackAfterCloudRecordingChanged`: a room's recording changed state (zh 269/129603, 2026-03-27;
 * the recording group of the command list 647/64413 as of 2026-03). The EN page (647/78428, 2026-03-26) spells the
 * command `Follow.CallbackAfterCloudRecordingChanged`, which `verifyLiveCallback` takes as this one. Only
 * `EventInfo.RoomId` is required. `EventGroupId` is 3 for cloud recording (8 for page recording); `EventType` is
 * the recording event code (the sample shows 305). Unknown fields pass through.
 *
 * @example
 * ```ts
 * if (event.known && event.command === 'Live.CallbackAfterCloudRecordingChanged') {
 *   recordings.update(event.body.EventInfo.RoomId, event.body.EventType, event.body.EventInfo.Payload?.Status);
 * }
 * ```
 */
export interface AfterCloudRecordingChangedBody {
  readonly CallbackCommand?: 'Live.CallbackAfterCloudRecordingChanged' | (string & {}) | undefined;
  readonly EventGroupId?: number | undefined;
  readonly EventType?: number | undefined;
  /** Unix milliseconds at which Tencent sent the callback. */
  readonly CallbackTs?: number | undefined;
  readonly EventInfo: CloudRecordingEventInfo;
  /** Fields Tencent adds later, as they came. */
  readonly [field: string]: unknown;
}

const CloudRecordingPayloadSchema: v.GenericSchema<unknown, CloudRecordingPayload> = /* @__PURE__ */ (() =>
  v.looseObject({ Status: v.optional(CallbackIntegerSchema) } satisfies EntriesOf<CloudRecordingPayload>))();

const CloudRecordingEventInfoSchema: v.GenericSchema<unknown, CloudRecordingEventInfo> = /* @__PURE__ */ (() =>
  v.looseObject({
    RoomId: IdentifierSchema,
    EventTs: v.optional(SecondTimeSchema),
    EventMsTs: v.optional(MillisecondTimeSchema),
    UserId: v.optional(IdentifierSchema),
    TaskId: v.optional(v.string()),
    Payload: v.optional(CloudRecordingPayloadSchema),
  } satisfies EntriesOf<CloudRecordingEventInfo>))();

/** Schema of {@link AfterCloudRecordingChangedBody}. */
export const AfterCloudRecordingChangedBodySchema: v.GenericSchema<unknown, AfterCloudRecordingChangedBody> = /* @__PURE__ */ (() =>
  v.looseObject({
    CallbackCommand: callbackCommandField('Live.CallbackAfterCloudRecordingChanged'),
    EventGroupId: v.optional(CallbackIntegerSchema),
    EventType: v.optional(CallbackIntegerSchema),
    CallbackTs: v.optional(MillisecondTimeSchema),
    EventInfo: CloudRecordingEventInfoSchema,
  } satisfies EntriesOf<AfterCloudRecordingChangedBody>))();
