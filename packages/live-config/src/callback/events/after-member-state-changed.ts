import * as v from 'valibot';
import type { EntriesOf } from '../../validation/entries-of.js';
import { callbackCommandField, IdentifierSchema, MillisecondTimeSchema, openPicklist } from './callback-field-schemas.js';

/** One entry of a member-state callback's `MemberList`, identified by its `Member_Account`. Unknown fields pass through. */
export interface CallbackMember {
  readonly Member_Account: string;
  /** Fields Tencent adds later, as they came. */
  readonly [field: string]: unknown;
}

/**
 * Body of `Live.CallbackAfterMemberStateChanged`: members went online (entered, heartbeat recovered) or offline
 * (left, heartbeat interrupted, kicked out — `Kicked` since the 2026-03 command list, 647/64413). Only `RoomId`
 * is required; a `MemberList` entry is identified by its `Member_Account`. The member-state page (647/64424)
 * spells the command `Live.CallbackMemberStateChanged` in its table: `verifyLiveCallback` treats that spelling as
 * this command. Unknown fields pass through.
 *
 * @example
 * ```ts
 * if (event.known && event.command === 'Live.CallbackAfterMemberStateChanged') {
 *   for (const member of event.body.MemberList ?? []) presence.set(member.Member_Account, event.body.EventType);
 * }
 * ```
 */
export interface AfterMemberStateChangedBody {
  readonly CallbackCommand?: 'Live.CallbackAfterMemberStateChanged' | (string & {}) | undefined;
  readonly RoomId: string;
  readonly EventType?: 'Online' | 'Offline' | (string & {}) | undefined;
  readonly EventCause?: 'Enter' | 'Leave' | 'HeartbeatInterrupt' | 'HeartbeatRecover' | 'Kicked' | (string & {}) | undefined;
  readonly MemberList?: CallbackMember[] | undefined;
  /** Unix milliseconds. */
  readonly EventTime?: number | undefined;
  /** Fields Tencent adds later, as they came. */
  readonly [field: string]: unknown;
}

const CallbackMemberSchema: v.GenericSchema<unknown, CallbackMember> = /* @__PURE__ */ (() =>
  v.looseObject({ Member_Account: IdentifierSchema } satisfies EntriesOf<CallbackMember>))();

/** Schema of {@link AfterMemberStateChangedBody}. */
export const AfterMemberStateChangedBodySchema: v.GenericSchema<unknown, AfterMemberStateChangedBody> = /* @__PURE__ */ (() =>
  v.looseObject({
    CallbackCommand: callbackCommandField('Live.CallbackAfterMemberStateChanged'),
    RoomId: IdentifierSchema,
    EventType: v.optional(openPicklist(['Online', 'Offline'])),
    EventCause: v.optional(openPicklist(['Enter', 'Leave', 'HeartbeatInterrupt', 'HeartbeatRecover', 'Kicked'])),
    MemberList: v.optional(v.array(CallbackMemberSchema)),
    EventTime: v.optional(MillisecondTimeSchema),
  } satisfies EntriesOf<AfterMemberStateChangedBody>))();
