import * as v from 'valibot';
import {
  type CallbackCommandFieldSchema,
  callbackCommandField,
  IdentifierSchema,
  type LenientIntegerSchema,
  MillisecondTimeSchema,
  type OpenPicklistSchema,
  openPicklist,
} from './callback-field-schemas.js';

// Module-level schemas are built inside `@__PURE__` IIFEs so bundlers drop the unused ones (README: bundle size).

/**
 * Body of `Live.CallbackAfterMemberStateChanged`: members went online (entered, heartbeat recovered) or offline
 * (left, heartbeat interrupted, kicked out — `Kicked` since the 2026-03 command list, 647/64413). Only `RoomId`
 * is required; a `MemberList` entry is identified by its `Member_Account`. The member-state page (647/64424)
 * spells the command `Live.CallbackMemberStateChanged` in its table: `verifyLiveCallback` treats that spelling as
 * this command.
 *
 * @example
 * ```ts
 * if (event.known && event.command === 'Live.CallbackAfterMemberStateChanged') {
 *   for (const member of event.body.MemberList ?? []) presence.set(member.Member_Account, event.body.EventType);
 * }
 * ```
 */
export const AfterMemberStateChangedBodySchema: v.LooseObjectSchema<
  {
    readonly CallbackCommand: CallbackCommandFieldSchema<'Live.CallbackAfterMemberStateChanged'>;
    readonly RoomId: typeof IdentifierSchema;
    readonly EventType: v.OptionalSchema<OpenPicklistSchema<'Online' | 'Offline'>, undefined>;
    readonly EventCause: v.OptionalSchema<
      OpenPicklistSchema<'Enter' | 'Leave' | 'HeartbeatInterrupt' | 'HeartbeatRecover' | 'Kicked'>,
      undefined
    >;
    readonly MemberList: v.OptionalSchema<
      v.ArraySchema<v.LooseObjectSchema<{ readonly Member_Account: typeof IdentifierSchema }, undefined>, undefined>,
      undefined
    >;
    /** Unix milliseconds. */
    readonly EventTime: v.OptionalSchema<LenientIntegerSchema, undefined>;
  },
  undefined
> = /* @__PURE__ */ (() =>
  v.looseObject({
    CallbackCommand: callbackCommandField('Live.CallbackAfterMemberStateChanged'),
    RoomId: IdentifierSchema,
    EventType: v.optional(openPicklist(['Online', 'Offline'])),
    EventCause: v.optional(openPicklist(['Enter', 'Leave', 'HeartbeatInterrupt', 'HeartbeatRecover', 'Kicked'])),
    MemberList: v.optional(v.array(v.looseObject({ Member_Account: IdentifierSchema }))),
    EventTime: v.optional(MillisecondTimeSchema),
  }))();

/** Body of `Live.CallbackAfterMemberStateChanged`. */
export type AfterMemberStateChangedBody = v.InferOutput<typeof AfterMemberStateChangedBodySchema>;
