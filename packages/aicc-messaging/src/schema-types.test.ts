import type * as v from 'valibot';
import { describe, expectTypeOf, it } from 'vitest';
import type {
  AiccUser,
  DownlinkMessage,
  HistoryMessage,
  OutgoingMessageSchema,
  PollResponse,
  SendResult,
  UnreadableMessage,
  UploadFileType,
} from './index.js';

// The public schemas carry explicit types (JSR rejects inferred ones in a public API), assembled from shared field
// types; these pin what users get from them.

type Extra = { [key: string]: unknown };

describe('public schema types', () => {
  it('DownlinkMessage: optional typed enumerations open to new values, nullable optionals, unknown fields kept, unreadable', () => {
    expectTypeOf<DownlinkMessage>().toEqualTypeOf<
      {
        channel?: string | null | undefined;
        content: string | string[] | null;
        from?: string | null | undefined;
        to?: string | null | undefined;
        mediaType?: 'TEXT' | 'IMAGE' | 'VIDEO' | 'AUDIO' | 'LOCATE' | 'DOCUMENT' | (string & {}) | null | undefined;
        controlType?: 'CHAT' | 'CONNECT' | 'DISCONNECT' | 'READ' | 'TRANS2AGENT' | (string & {}) | null | undefined;
        sourceType?: 'AGENT' | 'ROBOT' | 'SYSTEM' | (string & {}) | null | undefined;
        senderNickname?: string | null | undefined;
        senderAvatar?: string | null | undefined;
        timestamp?: string | number | null | undefined;
        simQuestions?: string[] | null | undefined;
        isOfflineStatus: boolean;
        messageCode?: string | null | undefined;
        interIdx?: string | number | null | undefined;
        contentType?: string | null | undefined;
        mediaFileType?: string | null | undefined;
        callId?: string | null | undefined;
        robotGender?: string | null | undefined;
        queueFlag?: string | null | undefined;
        receiveTime?: string | number | null | undefined;
        associationContentId?: string | null | undefined;
        handlerType?: string | number | null | undefined;
      } & Extra & { readonly unreadable?: UnreadableMessage | undefined }
    >();
  });

  it('HistoryMessage: uplink and downlink enumerations, optional and nullable, unreadable', () => {
    expectTypeOf<HistoryMessage>().toEqualTypeOf<
      {
        channel?: string | null | undefined;
        content: string | string[] | null;
        from?: string | null | undefined;
        to?: string | null | undefined;
        mediaType?:
          | 'TEXT'
          | 'IMAGE'
          | 'AUDIO'
          | 'VIDEO'
          | 'FILE'
          | 'FILE_IMAGE'
          | 'FILE_VIDEO'
          | 'WEBCARD'
          | 'LOCATE'
          | 'DOCUMENT'
          | (string & {})
          | null
          | undefined;
        controlType?: 'CONNECT' | 'CHAT' | 'TRANS2AGENT' | 'INPUT' | 'DISCONNECT' | 'READ' | (string & {}) | null | undefined;
        sourceType?: 'CUSTOMER' | 'AGENT' | 'ROBOT' | 'SYSTEM' | (string & {}) | null | undefined;
        senderNickname?: string | null | undefined;
        timestamp?: string | number | null | undefined;
        messageCode?: string | null | undefined;
        callId?: string | null | undefined;
        isOfflineStatus: boolean;
      } & Extra & { readonly unreadable?: UnreadableMessage | undefined }
    >();
  });

  it('results: resultCode as a string, lists always arrays', () => {
    expectTypeOf<SendResult>().toEqualTypeOf<{ resultCode: string; resultDesc?: string | undefined } & Extra>();
    expectTypeOf<PollResponse>().toEqualTypeOf<
      { resultCode: string; resultDesc?: string | undefined; downlinkMessages: DownlinkMessage[] } & Extra
    >();
  });

  it('AiccUser', () => {
    expectTypeOf<AiccUser>().toEqualTypeOf<{ userId: string; userName: string; channelId: string; locale: string }>();
  });

  it('OutgoingMessageSchema takes anything and outputs one of the typed messages', () => {
    type Upload = { bytes: Uint8Array; fileType: UploadFileType };
    expectTypeOf<v.InferInput<typeof OutgoingMessageSchema>>().toEqualTypeOf<unknown>();
    expectTypeOf<v.InferOutput<typeof OutgoingMessageSchema>>().toEqualTypeOf<
      | { mediaType: 'TEXT'; text: string }
      | {
          mediaType: 'IMAGE' | 'AUDIO' | 'VIDEO' | 'FILE_IMAGE' | 'FILE_VIDEO';
          objectKey?: string | undefined;
          extension?: string | undefined;
          file?: Upload | undefined;
        }
      | {
          mediaType: 'FILE';
          fileName: string;
          objectKey?: string | undefined;
          fileSize?: number | undefined;
          fileType?: string | undefined;
          file?: Upload | undefined;
        }
      | {
          mediaType: 'WEBCARD';
          title?: string | undefined;
          description?: string | undefined;
          mediaFileId?: string | undefined;
          mediaFileType?: 'img' | 'img/png' | 'img/jpg' | undefined;
          redirectUrl?: string | undefined;
        }
      | { mediaType: 'LOCATE'; content: string }
    >();
  });
});
