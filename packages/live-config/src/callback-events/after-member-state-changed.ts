import * as v from 'valibot';
import { IdentifierSchema, type IntegerSchema, MillisecondTimeSchema, type OpenPicklistSchema, openPicklist } from './callback-field-schemas.js';

// Module-level schemas are built inside `@__PURE__` IIFEs so bundlers drop the unused ones (README: bundle size).

/**
 * Body of `Live.CallbackAfterMemberStateChanged`: members went online (entered, heartbeat recovered) or offline
 * (left, heartbeat interrupted).
 *
 * @example
 * ```ts
 * if (event.known && event.command === 'Live.CallbackAfterMemberStateChanged') {
 *   for (const member of event.body.MemberList) presence.set(member.Member_Account, event.body.EventType);
 * }
 * ```
 */
export const AfterMemberStateChangedBodySchema: v.LooseObjectSchema<
  {
    readonly CallbackCommand: v.OptionalSchema<v.LiteralSchema<'Live.CallbackAfterMemberStateChanged', undefined>, undefined>;
    readonly RoomId: typeof IdentifierSchema;
    readonly EventType: OpenPicklistSchema<'Online' | 'Offline'>;
    readonly EventCause: OpenPicklistSchema<'Enter' | 'Leave' | 'HeartbeatInterrupt' | 'HeartbeatRecover'>;
    readonly MemberList: v.ArraySchema<v.LooseObjectSchema<{ readonly Member_Account: typeof IdentifierSchema }, undefined>, undefined>;
    /** Unix milliseconds. */
    readonly EventTime: IntegerSchema;
  },
  undefined
> = /* @__PURE__ */ (() =>
  v.looseObject({
    CallbackCommand: v.optional(v.literal('Live.CallbackAfterMemberStateChanged')),
    RoomId: IdentifierSchema,
    EventType: openPicklist(['Online', 'Offline']),
    EventCause: openPicklist(['Enter', 'Leave', 'HeartbeatInterrupt', 'HeartbeatRecover']),
    MemberList: v.array(v.looseObject({ Member_Account: IdentifierSchema })),
    /** Unix milliseconds. */
    EventTime: MillisecondTimeSchema,
  }))();

/** Body of `Live.CallbackAfterMemberStateChanged`. */
export type AfterMemberStateChangedBody = v.InferOutput<typeof AfterMemberStateChangedBodySchema>;
