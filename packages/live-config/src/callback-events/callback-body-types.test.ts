import type * as v from 'valibot';
import { describe, expectTypeOf, it } from 'vitest';
import type { KnownCallbackCommand } from '../known-callback-commands.js';
import type { AfterChangeOwnerBody } from './after-change-owner.js';
import { type AfterCreateRoomBody, type CallbackRoomInfo, CallbackRoomInfoSchema } from './after-create-room.js';
import type { AfterDestroyRoomBody } from './after-destroy-room.js';
import type { AfterMemberStateChangedBody } from './after-member-state-changed.js';
import { type BeforeSendGiftBody, type GiftWater, GiftWaterSchema } from './before-send-gift.js';
import { IdentifierSchema } from './callback-field-schemas.js';
import { LIVE_CALLBACK_BODY_SCHEMAS, type LiveCallbackBody } from './live-callback-body-schemas.js';
import type { LooseCallbackBody } from './loose-callback-body.js';

// The body schemas carry explicit types (JSR rejects inferred ones in a public API); these pin the body types
// they infer, so an edit of an annotation cannot change them unnoticed.

type Extra = { [key: string]: unknown };

describe('callback body types', () => {
  it('identifiers come out as strings, whether sent as strings or integers', () => {
    expectTypeOf<v.InferInput<typeof IdentifierSchema>>().toEqualTypeOf<string | number>();
    expectTypeOf<v.InferOutput<typeof IdentifierSchema>>().toEqualTypeOf<string>();
  });

  it('CallbackRoomInfo', () => {
    expectTypeOf<CallbackRoomInfo>().toEqualTypeOf<
      {
        RoomId: string;
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
      } & Extra
    >();
    expectTypeOf<v.InferInput<typeof CallbackRoomInfoSchema>>().toEqualTypeOf<
      {
        RoomId: string | number;
        RoomName?: string | undefined;
        RoomType?: string | undefined;
        Owner_Account?: string | number | undefined;
        MaxMemberCount?: number | undefined;
        IsMessageDisabled?: boolean | undefined;
        CustomInfo?: string | undefined;
        IsSeatEnabled?: boolean | undefined;
        TakeSeatMode?: string | undefined;
        MaxSeatCount?: number | undefined;
        CreateTime?: number | undefined;
        IsPublicVisible?: boolean | undefined;
        CoverURL?: string | undefined;
        Category?: number[] | undefined;
      } & Extra
    >();
  });

  it('the fully documented bodies', () => {
    expectTypeOf<AfterCreateRoomBody>().toEqualTypeOf<
      {
        CallbackCommand?: 'Live.CallbackAfterCreateRoom' | undefined;
        Operator_Account: string;
        RoomInfo: CallbackRoomInfo;
        EventTime: number;
      } & Extra
    >();
    expectTypeOf<AfterDestroyRoomBody>().toEqualTypeOf<
      {
        CallbackCommand?: 'Live.CallbackAfterDestroyRoom' | undefined;
        Operator_Account: string;
        RoomId: string;
        EventType: 'DestroyByUser' | 'DestroyBySystem' | (string & {});
        EventTime: number;
        RoomInfo?: CallbackRoomInfo | undefined;
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
        CallbackCommand?: 'Live.CallbackAfterMemberStateChanged' | undefined;
        RoomId: string;
        EventType: 'Online' | 'Offline' | (string & {});
        EventCause: 'Enter' | 'Leave' | 'HeartbeatInterrupt' | 'HeartbeatRecover' | (string & {});
        MemberList: ({ Member_Account: string } & Extra)[];
        EventTime: number;
      } & Extra
    >();
    expectTypeOf<AfterChangeOwnerBody>().toEqualTypeOf<
      {
        CallbackCommand?: 'Live.CallbackAfterChangeOwner' | undefined;
        RoomId: string;
        Operator_Account: string;
        CurrentOwner_Account: string;
        OriginalOwner_Account: string;
        EventTime: number;
      } & Extra
    >();
    expectTypeOf<GiftWater>().toEqualTypeOf<
      { From_Account: string; To_Account: string[]; Time: number; GiftId: string; Count: number; Coins: number } & Extra
    >();
    expectTypeOf<v.InferInput<typeof GiftWaterSchema>>().toEqualTypeOf<
      {
        From_Account: string | number;
        To_Account: (string | number)[];
        Time: number;
        GiftId: string | number;
        Count: number;
        Coins: number;
      } & Extra
    >();
    expectTypeOf<BeforeSendGiftBody>().toEqualTypeOf<
      {
        CallbackCommand?: 'Live.CallbackBeforeSendGift' | undefined;
        Operator_Account: string;
        RoomId: string;
        GiftWater: GiftWater;
      } & Extra
    >();
  });

  it('loosely documented bodies and the per-command map', () => {
    expectTypeOf<LooseCallbackBody<'Live.CallbackAfterStartBattle'>>().toEqualTypeOf<
      {
        CallbackCommand?: 'Live.CallbackAfterStartBattle' | undefined;
        RoomId?: string | undefined;
        Operator_Account?: string | undefined;
        EventTime?: number | undefined;
      } & Extra
    >();
    expectTypeOf<keyof typeof LIVE_CALLBACK_BODY_SCHEMAS>().toEqualTypeOf<KnownCallbackCommand>();
    expectTypeOf<LiveCallbackBody<'Live.CallbackAfterCreateRoom'>>().toEqualTypeOf<AfterCreateRoomBody>();
    expectTypeOf<LiveCallbackBody<'Live.CallbackAfterDestroyRoom'>>().toEqualTypeOf<AfterDestroyRoomBody>();
    expectTypeOf<LiveCallbackBody<'Live.CallbackAfterMemberStateChanged'>>().toEqualTypeOf<AfterMemberStateChangedBody>();
    expectTypeOf<LiveCallbackBody<'Live.CallbackAfterChangeOwner'>>().toEqualTypeOf<AfterChangeOwnerBody>();
    expectTypeOf<LiveCallbackBody<'Live.CallbackBeforeSendGift'>>().toEqualTypeOf<BeforeSendGiftBody>();
    expectTypeOf<LiveCallbackBody<'Mic.CallbackAfterSeatInfoChanged'>>().toEqualTypeOf<LooseCallbackBody<'Mic.CallbackAfterSeatInfoChanged'>>();
  });
});
