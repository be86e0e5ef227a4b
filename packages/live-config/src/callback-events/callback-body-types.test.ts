import type * as v from 'valibot';
import { describe, expectTypeOf, it } from 'vitest';
import type { KnownCallbackCommand } from '../known-callback-commands.js';
import type { AfterChangeOwnerBody } from './after-change-owner.js';
import type { AfterCloudRecordingChangedBody } from './after-cloud-recording-changed.js';
import type { AfterCreateRoomBody } from './after-create-room.js';
import type { AfterDestroyRoomBody } from './after-destroy-room.js';
import type { AfterMemberStateChangedBody } from './after-member-state-changed.js';
import type { AfterUpdateRoomInfoBody } from './after-update-room-info.js';
import type { BeforeSendGiftBody, GiftWater, GiftWaterSchema } from './before-send-gift.js';
import type { IdentifierSchema, MillisecondTimeSchema } from './callback-field-schemas.js';
import type { CallbackRoomInfo, CallbackRoomInfoSchema, DestroyedRoomInfo } from './callback-room-info.js';
import type { LIVE_CALLBACK_BODY_SCHEMAS, LiveCallbackBody } from './live-callback-body-schemas.js';
import type { LooseCallbackBody } from './loose-callback-body.js';

// The body schemas carry explicit types (JSR rejects inferred ones in a public API); these pin the body types
// they infer, so an edit of an annotation cannot change them unnoticed.

type Extra = { [key: string]: unknown };
/** One object type from an intersection, so intersections written in different orders compare equal. */
type Flat<T> = { [K in keyof T]: T[K] };

/** The room attributes every `RoomInfo` may carry (all optional). */
type RoomAttributes = {
  RoomName?: string | undefined;
  RoomType?: 'Live' | (string & {}) | undefined;
  Owner_Account?: string | undefined;
  MaxMemberCount?: number | undefined;
  IsMessageDisabled?: boolean | undefined;
  CustomInfo?: string | undefined;
  IsSeatEnabled?: boolean | undefined;
  TakeSeatMode?: 'None' | 'FreeToTake' | 'ApplyToTake' | (string & {}) | undefined;
  MaxSeatCount?: number | undefined;
  CreateTime?: number | undefined;
  IsPublicVisible?: boolean | undefined;
  CoverURL?: string | undefined;
  Category?: number[] | undefined;
  ActivityStatus?: number | undefined;
  ViewCount?: number | undefined;
  BackgroundURL?: string | undefined;
  IsUnlimitedRoomEnabled?: boolean | undefined;
  EventTime?: number | undefined;
};

describe('callback body types', () => {
  it('identifiers come out as strings, whether sent as strings or integers; times as numbers, sent either way', () => {
    expectTypeOf<v.InferInput<typeof IdentifierSchema>>().toEqualTypeOf<string | number>();
    expectTypeOf<v.InferOutput<typeof IdentifierSchema>>().toEqualTypeOf<string>();
    expectTypeOf<v.InferInput<typeof MillisecondTimeSchema>>().toEqualTypeOf<string | number>();
    expectTypeOf<v.InferOutput<typeof MillisecondTimeSchema>>().toEqualTypeOf<number>();
  });

  it('CallbackRoomInfo requires RoomId only; DestroyedRoomInfo requires nothing', () => {
    expectTypeOf<Flat<CallbackRoomInfo>>().toEqualTypeOf<Flat<{ RoomId: string } & RoomAttributes & Extra>>();
    expectTypeOf<Flat<DestroyedRoomInfo>>().toEqualTypeOf<Flat<{ RoomId?: string | undefined } & RoomAttributes & Extra>>();
    expectTypeOf<v.InferInput<typeof CallbackRoomInfoSchema>['RoomId']>().toEqualTypeOf<string | number>();
    expectTypeOf<v.InferInput<typeof CallbackRoomInfoSchema>['MaxMemberCount']>().toEqualTypeOf<string | number | undefined>();
  });

  it('the fully typed bodies require only what identifies the event', () => {
    expectTypeOf<AfterCreateRoomBody>().toEqualTypeOf<
      {
        CallbackCommand?: 'Live.CallbackAfterCreateRoom' | (string & {}) | undefined;
        Operator_Account?: string | undefined;
        RoomInfo: CallbackRoomInfo;
        EventTime?: number | undefined;
      } & Extra
    >();
    expectTypeOf<AfterUpdateRoomInfoBody>().toEqualTypeOf<
      {
        CallbackCommand?: 'Live.CallbackAfterUpdateRoomInfo' | (string & {}) | undefined;
        Operator_Account?: string | undefined;
        RoomInfo: CallbackRoomInfo;
        EventTime?: number | undefined;
      } & Extra
    >();
    expectTypeOf<AfterDestroyRoomBody>().toEqualTypeOf<
      {
        CallbackCommand?: 'Live.CallbackAfterDestroyRoom' | (string & {}) | undefined;
        Operator_Account?: string | undefined;
        RoomId: string;
        EventType?: 'DestroyByUser' | 'DestroyBySystem' | (string & {}) | undefined;
        EventTime?: number | undefined;
        RoomInfo?: DestroyedRoomInfo | undefined;
        Statistic?:
          | ({
              TotalViewers?: number | undefined;
              TotalGiftsSent?: number | undefined;
              TotalGiftCoins?: number | undefined;
              TotalUniqueGiftSenders?: number | undefined;
              TotalLikesReceived?: number | undefined;
            } & Extra)
          | undefined;
      } & Extra
    >();
    expectTypeOf<AfterMemberStateChangedBody>().toEqualTypeOf<
      {
        CallbackCommand?: 'Live.CallbackAfterMemberStateChanged' | (string & {}) | undefined;
        RoomId: string;
        EventType?: 'Online' | 'Offline' | (string & {}) | undefined;
        EventCause?: 'Enter' | 'Leave' | 'HeartbeatInterrupt' | 'HeartbeatRecover' | 'Kicked' | (string & {}) | undefined;
        MemberList?: ({ Member_Account: string } & Extra)[] | undefined;
        EventTime?: number | undefined;
      } & Extra
    >();
    expectTypeOf<AfterChangeOwnerBody>().toEqualTypeOf<
      {
        CallbackCommand?: 'Live.CallbackAfterChangeOwner' | (string & {}) | undefined;
        RoomId: string;
        Operator_Account?: string | undefined;
        CurrentOwner_Account?: string | undefined;
        OriginalOwner_Account?: string | undefined;
        EventTime?: number | undefined;
      } & Extra
    >();
    expectTypeOf<GiftWater>().toEqualTypeOf<
      {
        From_Account?: string | undefined;
        To_Account?: string[] | undefined;
        Time?: number | undefined;
        GiftId?: string | undefined;
        Count?: number | undefined;
        Coins?: number | undefined;
      } & Extra
    >();
    expectTypeOf<v.InferInput<typeof GiftWaterSchema>>().toEqualTypeOf<
      {
        From_Account?: string | number | undefined;
        To_Account?: (string | number)[] | undefined;
        Time?: string | number | undefined;
        GiftId?: string | number | undefined;
        Count?: string | number | undefined;
        Coins?: string | number | undefined;
      } & Extra
    >();
    expectTypeOf<BeforeSendGiftBody>().toEqualTypeOf<
      {
        CallbackCommand?: 'Live.CallbackBeforeSendGift' | (string & {}) | undefined;
        Operator_Account?: string | undefined;
        RoomId: string;
        GiftWater?: GiftWater | undefined;
      } & Extra
    >();
    expectTypeOf<AfterCloudRecordingChangedBody>().toEqualTypeOf<
      {
        CallbackCommand?: 'Live.CallbackAfterCloudRecordingChanged' | (string & {}) | undefined;
        EventGroupId?: number | undefined;
        EventType?: number | undefined;
        CallbackTs?: number | undefined;
        EventInfo: {
          RoomId: string;
          EventTs?: number | undefined;
          EventMsTs?: number | undefined;
          UserId?: string | undefined;
          TaskId?: string | undefined;
          Payload?: ({ Status?: number | undefined } & Extra) | undefined;
        } & Extra;
      } & Extra
    >();
  });

  it('loosely typed bodies and the per-command map', () => {
    expectTypeOf<LooseCallbackBody<'Live.CallbackAfterStartBattle'>>().toEqualTypeOf<
      {
        CallbackCommand?: 'Live.CallbackAfterStartBattle' | (string & {}) | undefined;
        RoomId?: string | undefined;
        Operator_Account?: string | undefined;
        EventTime?: number | undefined;
      } & Extra
    >();
    expectTypeOf<keyof typeof LIVE_CALLBACK_BODY_SCHEMAS>().toEqualTypeOf<KnownCallbackCommand>();
    expectTypeOf<LiveCallbackBody<'Live.CallbackAfterCreateRoom'>>().toEqualTypeOf<AfterCreateRoomBody>();
    expectTypeOf<LiveCallbackBody<'Live.CallbackAfterDestroyRoom'>>().toEqualTypeOf<AfterDestroyRoomBody>();
    expectTypeOf<LiveCallbackBody<'Live.CallbackAfterUpdateRoomInfo'>>().toEqualTypeOf<AfterUpdateRoomInfoBody>();
    expectTypeOf<LiveCallbackBody<'Live.CallbackAfterMemberStateChanged'>>().toEqualTypeOf<AfterMemberStateChangedBody>();
    expectTypeOf<LiveCallbackBody<'Live.CallbackAfterChangeOwner'>>().toEqualTypeOf<AfterChangeOwnerBody>();
    expectTypeOf<LiveCallbackBody<'Live.CallbackBeforeSendGift'>>().toEqualTypeOf<BeforeSendGiftBody>();
    expectTypeOf<LiveCallbackBody<'Live.CallbackAfterCloudRecordingChanged'>>().toEqualTypeOf<AfterCloudRecordingChangedBody>();
    expectTypeOf<LiveCallbackBody<'Mic.CallbackAfterSeatInfoChanged'>>().toEqualTypeOf<
      LooseCallbackBody<'Mic.CallbackAfterSeatInfoChanged'>
    >();
  });
});
