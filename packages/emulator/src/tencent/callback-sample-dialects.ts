/**
 * The callback bodies Tencent publishes, one entry per documented shape ("dialect") of each callback, as raw JSON
 * templates: Tencent's own sample with its comments removed and its typos fixed (a missing comma), nothing added.
 * Checked against the pages on 2026-12-07; `updated` is the page's own "last updated" date where it shows one.
 */

/** The identifier of a documented sample shape: `{product}-{document}` of its Tencent Cloud page, plus a suffix for a variant of that page. */
export type CallbackSampleDialectId =
  | '647-64422'
  | '647-110679'
  | '647-110523'
  | '1071-78184'
  | '269-117712'
  | '647-64423'
  | '647-67938'
  | '647-68222'
  | '647-68223'
  | '647-68223-table'
  | '647-70485'
  | '647-64424'
  | '647-64424-table'
  | '647-72553'
  | '647-72554'
  | '647-64425'
  | '647-110684'
  | '647-60736'
  | '647-68259'
  | '647-68260'
  | '647-68261'
  | '647-72210'
  | '647-72210-table'
  | '647-74348'
  | '647-74347'
  | '647-70355'
  | '647-70356'
  | '269-129603'
  | '647-78428';

/** A value of a sample that {@link callbackSample} lets you choose, where the dialect's body carries it. */
export type CallbackSampleField = 'roomId' | 'operator' | 'eventTime' | 'eventCause' | 'coins';

/** One documented shape of one callback. */
export interface CallbackSampleDialect {
  /** E.g. `647-64422`: Tencent Cloud product 647, document 64422 (the same number on trtc.io). */
  readonly id: CallbackSampleDialectId;
  /** The callback command as the page spells it: the body's `CallbackCommand`, and the one to enable in `CallbackCommandList`. */
  readonly command: string;
  /** The `CallbackCommand` of the URL: `command`, unless the page's parameter table spells it otherwise. */
  readonly queryCommand: string;
  /** The pages showing this sample. */
  readonly pages: readonly string[];
  /** The page's "last updated" date, where the page shows one (`YYYY-MM` or `YYYY-MM-DD`). */
  readonly updated: string | undefined;
  /** What sets this shape apart. */
  readonly description: string;
  /** The values of the body {@link callbackSample} lets you choose. */
  readonly fields: readonly CallbackSampleField[];
  /** Where the body carries the room id (a key path), if it carries one. */
  readonly roomIdPath: readonly string[] | undefined;
  /** Where the body carries the event time in milliseconds (a key path), if it carries one. */
  readonly eventTimePath: readonly string[] | undefined;
}

/** The values a template renders, each already chosen (the page's own value unless overridden). */
export interface CallbackSampleValues {
  readonly roomId: string | undefined;
  readonly operator: string | undefined;
  readonly eventTime: number | undefined;
  readonly eventCause: string | undefined;
  readonly coins: number | undefined;
}

/** A dialect and how to render its body. */
export interface CallbackSampleDefinition extends CallbackSampleDialect {
  render(values: CallbackSampleValues): string;
}

const j = (value: unknown): string => JSON.stringify(value);
const TENCENTCLOUD = 'https://www.tencentcloud.com/document/product';
const CLOUD_TENCENT = 'https://cloud.tencent.com/document/product';
const TRTC = 'https://trtc.io/document';

const CREATE_ROOM_INFO = (roomId: string) =>
  `"RoomId":${j(roomId)},"RoomName":"tandy-test-rest","RoomType":"Live","Owner_Account":"user3","MaxMemberCount":300,"IsMessageDisabled":true,` +
  `"CustomInfo":"custom123","IsSeatEnabled":true,"TakeSeatMode":"ApplyToTake","MaxSeatCount":16,"CreateTime":1703589922,"IsPublicVisible":true,` +
  `"CoverURL":"cover url","Category":[1,2]`;

const DESTROYED_ROOM_INFO =
  '"RoomInfo":{"RoomName":"live name","RoomType":"Live","Owner_Account":144115216631667826,"IsSeatEnabled":true,"TakeSeatMode":"FreeToTake",' +
  '"MaxMemberCount":400,"MaxSeatCount":4,"Category":[1,2,3],"CustomInfo":"","IsMessageDisabled":false,"CoverURL":"cover url","ActivityStatus":0,' +
  '"IsPublicVisible":false,"ViewCount":0,"BackgroundURL":"background url","IsUnlimitedRoomEnabled":true}';

const MEMBER_STATE = (values: CallbackSampleValues) => {
  const cause = values.eventCause ?? 'Enter';
  const type = cause === 'Leave' || cause === 'HeartbeatInterrupt' || cause === 'Kicked' ? 'Offline' : 'Online';
  return (
    `{"CallbackCommand":"Live.CallbackAfterMemberStateChanged","RoomId":${j(values.roomId ?? 'room_id')},"EventType":${j(type)},"EventCause":${j(cause)},` +
    `"MemberList":[{"Member_Account":"jared"},{"Member_Account":"tommy"}],"EventTime":${values.eventTime ?? 1703589922780}}`
  );
};

const DEL_METADATA = (values: CallbackSampleValues) =>
  `{"CallbackCommand":"Live.CallbackAfterDelMetadata","Operator_Account":${j(values.operator ?? 'brennanli')},"RoomId":${j(values.roomId ?? 'live-room1111')},` +
  `"Keys":["key1","key2"],"EventTime":${values.eventTime ?? 1739966441121}}`;

const GIFT = (values: CallbackSampleValues) =>
  `{"CallbackCommand":"Live.CallbackBeforeSendGift","Operator_Account":${j(values.operator ?? 'brennanli')},"RoomId":${j(values.roomId ?? 'room_id')},` +
  `"GiftWater":{"From_Account":"from","To_Account":["to1"],"Time":1703589922,"GiftId":"gift1","Count":1,"Coins":${values.coins ?? 1000}}}`;

const SEAT_LIST =
  '"SeatList":[{"Index":1,"Member_Account":144115233775727695,"IsTakenDisabled":false,"IsVideoDisabled":false,"IsAudioDisabled":false}]';

const ROOM_MESSAGE = '"MsgBody":[{"MsgType":"TIMTextElem","MsgContent":{"Text":"red packet"}}],"CloudCustomData":"your cloud custom data"';

const RECORDING = (command: string, values: CallbackSampleValues) => {
  const eventTime = values.eventTime ?? 1752580150081;
  return (
    `{"CallbackCommand":${j(command)},"EventGroupId":3,"EventType":305,"CallbackTs":${eventTime + 1},` +
    `"EventInfo":{"RoomId":${j(values.roomId ?? '635055')},"EventTs":${Math.floor(eventTime / 1000)},"EventMsTs":${eventTime},"UserId":"user1",` +
    `"TaskId":"-m9-bVVU7id***K-m928oZWQndiborbEWH3zY-lIXlprc-gQvQE","Payload":{"Status":0}}}`
  );
};

const ROOM_FIELDS: readonly CallbackSampleField[] = ['roomId', 'operator', 'eventTime'];

/** Every documented sample shape, newest first within a command. */
export const CALLBACK_SAMPLE_DEFINITIONS: readonly CallbackSampleDefinition[] = /* @__PURE__ */ (() => [
  {
    id: '647-64422',
    command: 'Live.CallbackAfterCreateRoom',
    queryCommand: 'Live.CallbackAfterCreateRoom',
    pages: [`${TENCENTCLOUD}/647/64422`, `${TRTC}/64422`, 'https://www.tencentcloud.com/jp/document/product/647/64422'],
    updated: '2026-04',
    description: 'The current sample (zh/en/jp): no EventTime anywhere.',
    fields: ['roomId', 'operator'],
    roomIdPath: ['RoomInfo', 'RoomId'],
    eventTimePath: undefined,
    render: (values) =>
      `{"CallbackCommand":"Live.CallbackAfterCreateRoom","Operator_Account":${j(values.operator ?? 'admin')},"RoomInfo":{${CREATE_ROOM_INFO(values.roomId ?? 'tandy-test-rest')}}}`,
  },
  {
    id: '647-110679',
    command: 'Live.CallbackAfterCreateRoom',
    queryCommand: 'Live.CallbackAfterCreateRoom',
    pages: [`${CLOUD_TENCENT}/647/110679`],
    updated: undefined,
    description: 'EventTime inside RoomInfo.',
    fields: ROOM_FIELDS,
    roomIdPath: ['RoomInfo', 'RoomId'],
    eventTimePath: ['RoomInfo', 'EventTime'],
    render: (values) =>
      `{"CallbackCommand":"Live.CallbackAfterCreateRoom","Operator_Account":${j(values.operator ?? 'admin')},` +
      `"RoomInfo":{${CREATE_ROOM_INFO(values.roomId ?? 'tandy-test-rest')},"EventTime":${values.eventTime ?? 1703589922780}}}`,
  },
  {
    id: '647-110523',
    command: 'Live.CallbackAfterCreateRoom',
    queryCommand: 'Live.CallbackAfterCreateRoom',
    pages: [`${CLOUD_TENCENT}/647/110523`],
    updated: undefined,
    description: "EventTime at the top level, after RoomInfo (the page's missing comma restored).",
    fields: ROOM_FIELDS,
    roomIdPath: ['RoomInfo', 'RoomId'],
    eventTimePath: ['EventTime'],
    render: (values) =>
      `{"CallbackCommand":"Live.CallbackAfterCreateRoom","Operator_Account":${j(values.operator ?? 'admin')},` +
      `"RoomInfo":{${CREATE_ROOM_INFO(values.roomId ?? 'tandy-test-rest')}},"EventTime":${values.eventTime ?? 1703589922780}}`,
  },
  {
    id: '1071-78184',
    command: 'Live.CallbackAfterDestroyRoom',
    queryCommand: 'Live.CallbackAfterDestroyRoom',
    pages: [`${TENCENTCLOUD}/1071/78184`, `${CLOUD_TENCENT}/647/110524`, `${TENCENTCLOUD}/647/64423`],
    updated: '2026-03-11',
    description:
      'The current sample: RoomInfo without RoomId (the room is the top-level RoomId), a Statistic object, an Owner_Account beyond 2^53.',
    fields: ROOM_FIELDS,
    roomIdPath: ['RoomId'],
    eventTimePath: ['EventTime'],
    render: (values) =>
      `{"CallbackCommand":"Live.CallbackAfterDestroyRoom","Operator_Account":${j(values.operator ?? 'admin')},"RoomId":${j(values.roomId ?? 'tandy-test-rest')},` +
      `"EventType":"DestroyByUser","EventTime":${values.eventTime ?? 1703589922780},${DESTROYED_ROOM_INFO},` +
      `"Statistic":{"TotalViewers":0,"TotalGiftsSent":0,"TotalGiftCoins":0,"TotalUniqueGiftSenders":0,"TotalLikesReceived":0}}`,
  },
  {
    id: '269-117712',
    command: 'Live.CallbackAfterDestroyRoom',
    queryCommand: 'Live.CallbackAfterDestroyRoom',
    pages: [`${CLOUD_TENCENT}/269/117712`],
    updated: undefined,
    description: 'RoomInfo without RoomId, but no Statistic (the Chat product copy of the page).',
    fields: ROOM_FIELDS,
    roomIdPath: ['RoomId'],
    eventTimePath: ['EventTime'],
    render: (values) =>
      `{"CallbackCommand":"Live.CallbackAfterDestroyRoom","Operator_Account":${j(values.operator ?? 'admin')},"RoomId":${j(values.roomId ?? 'tandy-test-rest')},` +
      `"EventType":"DestroyByUser","EventTime":${values.eventTime ?? 1703589922780},${DESTROYED_ROOM_INFO}}`,
  },
  {
    id: '647-64423',
    command: 'Live.CallbackAfterDestroyRoom',
    queryCommand: 'Live.CallbackAfterDestroyRoom',
    pages: [`${TRTC}/64423`, 'https://tencentcloud.com/document/product/647/64423'],
    updated: '2024-09-24',
    description: 'The earlier sample: RoomId, EventType and EventTime only.',
    fields: ROOM_FIELDS,
    roomIdPath: ['RoomId'],
    eventTimePath: ['EventTime'],
    render: (values) =>
      `{"CallbackCommand":"Live.CallbackAfterDestroyRoom","Operator_Account":${j(values.operator ?? 'admin')},"RoomId":${j(values.roomId ?? 'tandy-test-rest')},` +
      `"EventType":"DestroyByUser","EventTime":${values.eventTime ?? 1703589922780}}`,
  },
  {
    id: '647-67938',
    command: 'Live.CallbackAfterUpdateRoomInfo',
    queryCommand: 'Live.CallbackAfterUpdateRoomInfo',
    pages: [`${TRTC}/67938`, `${TENCENTCLOUD}/1071/78185`],
    updated: '2026-03-11',
    description: "The updated attributes in RoomInfo, EventTime at the top level (the page's missing comma restored).",
    fields: ROOM_FIELDS,
    roomIdPath: ['RoomInfo', 'RoomId'],
    eventTimePath: ['EventTime'],
    render: (values) =>
      `{"CallbackCommand":"Live.CallbackAfterUpdateRoomInfo","Operator_Account":${j(values.operator ?? 'bob')},` +
      `"RoomInfo":{"RoomId":${j(values.roomId ?? 'live-room')},"RoomName":"rname-123","MaxMemberCount":300,"IsMessageDisabled":false,` +
      `"CoverURL":"https://xxxx.png","Category":[1,2,3],"ActivityStatus":1,"IsPublicVisible":false,"TakeSeatMode":"ApplyToTake","CustomInfo":"custom123"},` +
      `"EventTime":${values.eventTime ?? 1670574414123}}`,
  },
  {
    id: '647-68222',
    command: 'Live.CallbackAfterSetMetadata',
    queryCommand: 'Live.CallbackAfterSetMetadata',
    pages: [`${TENCENTCLOUD}/647/68222`, `${TENCENTCLOUD}/1071/78186`],
    updated: '2026-03-11',
    description: 'The metadata set, as Key/Value pairs.',
    fields: ROOM_FIELDS,
    roomIdPath: ['RoomId'],
    eventTimePath: ['EventTime'],
    render: (values) =>
      `{"CallbackCommand":"Live.CallbackAfterSetMetadata","Operator_Account":${j(values.operator ?? 'brennanli')},"RoomId":${j(values.roomId ?? 'live-room1111')},` +
      `"Metadata":[{"Key":"key1","Value":"value1"},{"Key":"key2","Value":"value2"}],"EventTime":${values.eventTime ?? 1739965885831}}`,
  },
  {
    id: '647-68223',
    command: 'Live.CallbackAfterDelMetadata',
    queryCommand: 'Live.CallbackAfterDelMetadata',
    pages: [`${TENCENTCLOUD}/647/68223`, `${TENCENTCLOUD}/1071/78187`],
    updated: '2026-03-11',
    description: 'The deleted metadata keys.',
    fields: ROOM_FIELDS,
    roomIdPath: ['RoomId'],
    eventTimePath: ['EventTime'],
    render: DEL_METADATA,
  },
  {
    id: '647-68223-table',
    command: 'Live.CallbackAfterDelMetadata',
    queryCommand: 'Live.CallbackAfterSetMetadata',
    pages: [`${TENCENTCLOUD}/647/68223`],
    updated: '2026-03-11',
    description: 'The same body with the URL command of the parameter table, which names Live.CallbackAfterSetMetadata.',
    fields: ROOM_FIELDS,
    roomIdPath: ['RoomId'],
    eventTimePath: ['EventTime'],
    render: DEL_METADATA,
  },
  {
    id: '647-70485',
    command: 'Live.CallbackAfterCreateRoomReachingThreshold',
    queryCommand: 'Live.CallbackAfterCreateRoomReachingThreshold',
    pages: [`${TRTC}/70485`, `${TENCENTCLOUD}/1071/78188`],
    updated: '2026-03-11',
    description: 'Room creations reached 70 % of the quota: counts, no room.',
    fields: ['operator', 'eventTime'],
    roomIdPath: undefined,
    eventTimePath: ['EventTime'],
    render: (values) =>
      `{"CallbackCommand":"Live.CallbackAfterCreateRoomReachingThreshold","Operator_Account":${j(values.operator ?? 'brennanli')},` +
      `"EventTime":${values.eventTime ?? 1739966441121},"CurRoomCount":400,"MaxRoomCount":500}`,
  },
  {
    id: '647-64424',
    command: 'Live.CallbackAfterMemberStateChanged',
    queryCommand: 'Live.CallbackAfterMemberStateChanged',
    pages: [`${TRTC}/64424`, `${TENCENTCLOUD}/647/64424`, `${TENCENTCLOUD}/1071/78189`],
    updated: '2026-01-29',
    description: 'The sample body; EventCause Enter, Leave, HeartbeatInterrupt, HeartbeatRecover or (since 2026-03, 647/64413) Kicked.',
    fields: ['roomId', 'eventTime', 'eventCause'],
    roomIdPath: ['RoomId'],
    eventTimePath: ['EventTime'],
    render: MEMBER_STATE,
  },
  {
    id: '647-64424-table',
    command: 'Live.CallbackAfterMemberStateChanged',
    queryCommand: 'Live.CallbackMemberStateChanged',
    pages: [`${TRTC}/64424`, `${TENCENTCLOUD}/647/64424`],
    updated: '2026-01-29',
    description: 'The same body with the URL command of the parameter table: Live.CallbackMemberStateChanged.',
    fields: ['roomId', 'eventTime', 'eventCause'],
    roomIdPath: ['RoomId'],
    eventTimePath: ['EventTime'],
    render: MEMBER_STATE,
  },
  {
    id: '647-72553',
    command: 'Live.CallbackAfterChangeOwner',
    queryCommand: 'Live.CallbackAfterChangeOwner',
    pages: [`${TENCENTCLOUD}/647/72553`, `${TENCENTCLOUD}/1071/78190`, `${CLOUD_TENCENT}/647/122445`],
    updated: '2026-03-26',
    description: 'The new and the original owner.',
    fields: ROOM_FIELDS,
    roomIdPath: ['RoomId'],
    eventTimePath: ['EventTime'],
    render: (values) =>
      `{"CallbackCommand":"Live.CallbackAfterChangeOwner","RoomId":${j(values.roomId ?? 'room_id')},"EventTime":${values.eventTime ?? 1703589922780},` +
      `"Operator_Account":${j(values.operator ?? 'admin')},"CurrentOwner_Account":"user2","OriginalOwner_Account":"user1"}`,
  },
  {
    id: '647-72554',
    command: 'Live.CallbackAfterModifyAdmin',
    queryCommand: 'Live.CallbackAfterModifyAdmin',
    pages: [`${TENCENTCLOUD}/647/72554`, `${TENCENTCLOUD}/1071/78191`],
    updated: '2026-03-26',
    description: 'The administrators added or removed (opType add or delete).',
    fields: ROOM_FIELDS,
    roomIdPath: ['RoomId'],
    eventTimePath: ['EventTime'],
    render: (values) =>
      `{"CallbackCommand":"Live.CallbackAfterModifyAdmin","RoomId":${j(values.roomId ?? 'room_id')},"EventTime":${values.eventTime ?? 1703589922780},` +
      `"Operator_Account":${j(values.operator ?? 'admin')},"Admin_Account":["user1","user2"],"opType":"add"}`,
  },
  {
    id: '647-64425',
    command: 'Mic.CallbackAfterSeatInfoChanged',
    queryCommand: 'Mic.CallbackAfterSeatInfoChanged',
    pages: [`${TRTC}/64425`, `${TENCENTCLOUD}/1071/78192`],
    updated: '2026-03-11',
    description: "The seat list, a Member_Account beyond 2^53, no operator (the page's missing comma restored).",
    fields: ['roomId', 'eventTime'],
    roomIdPath: ['RoomId'],
    eventTimePath: ['EventTime'],
    render: (values) =>
      `{"CallbackCommand":"Mic.CallbackAfterSeatInfoChanged","RoomId":${j(values.roomId ?? 'rid-123')},${SEAT_LIST},"EventTime":${values.eventTime ?? 1670574414123}}`,
  },
  {
    id: '647-110684',
    command: 'Mic.CallbackAfterSeatInfoChanged',
    queryCommand: 'Mic.CallbackAfterSeatInfoChanged',
    pages: [`${CLOUD_TENCENT}/647/110684`],
    updated: '2024-09-14',
    description: 'The earlier seat list: Member_Account a string.',
    fields: ['roomId', 'eventTime'],
    roomIdPath: ['RoomId'],
    eventTimePath: ['EventTime'],
    render: (values) =>
      `{"CallbackCommand":"Mic.CallbackAfterSeatInfoChanged","RoomId":${j(values.roomId ?? 'rid-123')},` +
      `"SeatList":[{"Index":1,"Member_Account":"user2","IsTakenDisabled":false,"IsVideoDisabled":false,"IsAudioDisabled":false}],` +
      `"EventTime":${values.eventTime ?? 1670574414123}}`,
  },
  {
    id: '647-60736',
    command: 'Mic.CallbackAfterSeatInfoChanged',
    queryCommand: 'Mic.CallbackAfterSeatInfoChanged',
    pages: [`${TRTC}/60736`, 'https://tencentcloud.com/document/product/647/60736'],
    updated: undefined,
    description: 'The seat list with the operator (the TUIRoomKit page of the same command).',
    fields: ROOM_FIELDS,
    roomIdPath: ['RoomId'],
    eventTimePath: ['EventTime'],
    render: (values) =>
      `{"CallbackCommand":"Mic.CallbackAfterSeatInfoChanged","Operator_Account":${j(values.operator ?? 'user1')},"RoomId":${j(values.roomId ?? 'rid-123')},` +
      `${SEAT_LIST},"EventTime":${values.eventTime ?? 1670574414123}}`,
  },
  {
    id: '647-68259',
    command: 'Live.CallbackAfterCreateBattle',
    queryCommand: 'Live.CallbackAfterCreateBattle',
    pages: [`${TENCENTCLOUD}/647/68259`],
    updated: undefined,
    description: 'A battle (PK) created: the calling room is FromRoomId, there is no RoomId.',
    fields: ROOM_FIELDS,
    roomIdPath: ['FromRoomId'],
    eventTimePath: ['EventTime'],
    render: (values) =>
      `{"CallbackCommand":"Live.CallbackAfterCreateBattle","Operator_Account":${j(values.operator ?? 'brennanli')},` +
      `"BattleId":"4siHsNsWN/T3aub9zKraqPbSEGRX2z6gs3LDFi+d/3M=","FromRoomId":${j(values.roomId ?? 'pk-3')},"ToRoomIdList":["pk-5"],` +
      `"Timeout":30000,"Duration":60000,"NeedResponse":false,"ExtensionInfo":"extension pk","EventTime":${values.eventTime ?? 1739954005000}}`,
  },
  {
    id: '647-68260',
    command: 'Live.CallbackAfterStartBattle',
    queryCommand: 'Live.CallbackAfterStartBattle',
    pages: [`${TENCENTCLOUD}/647/68260`],
    updated: undefined,
    description: 'A battle started: the calling room in FromRoomInfo, the called rooms in ToRoomList.',
    fields: ['roomId', 'eventTime'],
    roomIdPath: ['FromRoomInfo', 'RoomId'],
    eventTimePath: ['EventTime'],
    render: (values) =>
      `{"CallbackCommand":"Live.CallbackAfterStartBattle","BattleId":"4siHsNsWN/T3aub9zKraqI4zZAyPRpXQhdtKv1q4HOs=","Duration":60000,` +
      `"CreateTime":1739954005,"StartTime":1739954005,"FromRoomInfo":{"RoomId":${j(values.roomId ?? 'pk-3')},"Owner_Account":"brennan"},` +
      `"ToRoomList":[{"RoomId":"pk-5","Owner_Account":"tandy"}],"EventTime":${values.eventTime ?? 1739954005000}}`,
  },
  {
    id: '647-68261',
    command: 'Live.CallbackAfterEndBattle',
    queryCommand: 'Live.CallbackAfterEndBattle',
    pages: [`${TENCENTCLOUD}/647/68261`],
    updated: undefined,
    description: 'A battle ended: scores, OpType, owners beyond 2^53 as JSON numbers.',
    fields: ['roomId', 'eventTime'],
    roomIdPath: ['FromRoomInfo', 'RoomId'],
    eventTimePath: ['EventTime'],
    render: (values) =>
      `{"CallbackCommand":"Live.CallbackAfterEndBattle","BattleId":"4siHsNsWN/T3aub9zKraqPfGQAimPhdFoe6VWhtz9lY=","Duration":30000,` +
      `"CreateTime":1739956115,"StartTime":1739956115,"EndTime":1739956145,"OpType":0,` +
      `"FromRoomInfo":{"RoomId":${j(values.roomId ?? 'pk-3')},"Score":0,"Owner_Account":144115245353757792},` +
      `"ToRoomList":[{"RoomId":"pk-5","Score":0,"Owner_Account":144115245442327522}],"EventTime":${values.eventTime ?? 1739956146119}}`,
  },
  {
    id: '647-72210',
    command: 'Live.CallbackBeforeSendGift',
    queryCommand: 'Live.CallbackBeforeSendGift',
    pages: [`${TRTC}/72210`, `${TENCENTCLOUD}/1071/78196`],
    updated: '2026-03-11',
    description: 'A gift about to be sent (GiftWater); no EventTime.',
    fields: ['roomId', 'operator', 'coins'],
    roomIdPath: ['RoomId'],
    eventTimePath: undefined,
    render: GIFT,
  },
  {
    id: '647-72210-table',
    command: 'Live.CallbackBeforeSendGift',
    queryCommand: 'Live.CallbackAfterCreateBattle',
    pages: [`${TRTC}/72210`],
    updated: undefined,
    description: 'The same body with the URL command of the parameter table, which names Live.CallbackAfterCreateBattle.',
    fields: ['roomId', 'operator', 'coins'],
    roomIdPath: ['RoomId'],
    eventTimePath: undefined,
    render: GIFT,
  },
  {
    id: '647-74348',
    command: 'Group.CallbackAfterSendMsg',
    queryCommand: 'Group.CallbackAfterSendMsg',
    pages: [`${TENCENTCLOUD}/647/74348`, `${TRTC}/74348`],
    updated: undefined,
    description: 'A room message sent: the room is GroupId, EventTime a string of digits.',
    fields: ROOM_FIELDS,
    roomIdPath: ['GroupId'],
    eventTimePath: ['EventTime'],
    render: (values) =>
      `{"CallbackCommand":"Group.CallbackAfterSendMsg","GroupId":${j(values.roomId ?? '@TGS#2J4SZEAEL')},"Type":"Live","From_Account":"jared",` +
      `"Operator_Account":${j(values.operator ?? 'admin')},"Random":123456,"MsgId":"144115233406643804-1727580296-4026038328","MsgSeq":123,` +
      `"MsgTime":1490686222,"OnlineOnlyFlag":1,${ROOM_MESSAGE},"EventTime":${j(String(values.eventTime ?? 1670574414123))}}`,
  },
  {
    id: '647-74347',
    command: 'Group.CallbackBeforeSendMsg',
    queryCommand: 'Group.CallbackBeforeSendMsg',
    pages: [`${TENCENTCLOUD}/647/74347`],
    updated: undefined,
    description: 'A room message about to be sent: the room is GroupId, EventTime a string of digits.',
    fields: ROOM_FIELDS,
    roomIdPath: ['GroupId'],
    eventTimePath: ['EventTime'],
    render: (values) =>
      `{"CallbackCommand":"Group.CallbackBeforeSendMsg","GroupId":${j(values.roomId ?? '@TGS#2J4SZEAEL')},"Type":"Live","From_Account":"jared",` +
      `"Operator_Account":${j(values.operator ?? 'admin')},"Random":123456,"MsgId":"144115233406643804-1727580296-4026038328",` +
      `${ROOM_MESSAGE},"EventTime":${j(String(values.eventTime ?? 1670574414123))}}`,
  },
  {
    id: '647-70355',
    command: 'Follow.CallbackAfterFollowAdd',
    queryCommand: 'Follow.CallbackAfterFollowAdd',
    pages: [`${TRTC}/70355`, `${TENCENTCLOUD}/647/74356`],
    updated: undefined,
    description: 'A user followed others (FollowList); no room.',
    fields: ['eventTime'],
    roomIdPath: undefined,
    eventTimePath: ['EventTime'],
    render: (values) =>
      `{"CallbackCommand":"Follow.CallbackAfterFollowAdd","From_Account":"UserID_001","FollowList":[{"To_Account":"UserID_002"},{"To_Account":"UserID_003"}],` +
      `"EventTime":${values.eventTime ?? 1702018343678}}`,
  },
  {
    id: '647-70356',
    command: 'Follow.CallbackAfterFollowDelete',
    queryCommand: 'Follow.CallbackAfterFollowDelete',
    pages: [`${TRTC}/70356`, `${TENCENTCLOUD}/1071/78200`],
    updated: '2026-03-11',
    description: 'A user unfollowed others (To_Account); no room.',
    fields: ['eventTime'],
    roomIdPath: undefined,
    eventTimePath: ['EventTime'],
    render: (values) =>
      `{"CallbackCommand":"Follow.CallbackAfterFollowDelete","From_Account":"UserID_001","To_Account":["UserID_002","UserID_003"],` +
      `"EventTime":${values.eventTime ?? 1702018343678}}`,
  },
  {
    id: '269-129603',
    command: 'Live.CallbackAfterCloudRecordingChanged',
    queryCommand: 'Live.CallbackAfterCloudRecordingChanged',
    pages: [`${CLOUD_TENCENT}/269/129603`],
    updated: '2026-03-27',
    description:
      'The recording state changed (the recording group of the 2026-03 command list): the room and times in EventInfo, no EventTime.',
    fields: ['roomId', 'eventTime'],
    roomIdPath: ['EventInfo', 'RoomId'],
    eventTimePath: ['EventInfo', 'EventMsTs'],
    render: (values) => RECORDING('Live.CallbackAfterCloudRecordingChanged', values),
  },
  {
    id: '647-78428',
    command: 'Follow.CallbackAfterCloudRecordingChanged',
    queryCommand: 'Follow.CallbackAfterCloudRecordingChanged',
    pages: [`${TENCENTCLOUD}/647/78428`, 'https://intl.cloud.tencent.com/document/product/647/78428'],
    updated: '2026-03-26',
    description:
      'The EN copy of the recording callback, which spells the command Follow.CallbackAfterCloudRecordingChanged (table and body).',
    fields: ['roomId', 'eventTime'],
    roomIdPath: ['EventInfo', 'RoomId'],
    eventTimePath: ['EventInfo', 'EventMsTs'],
    render: (values) => RECORDING('Follow.CallbackAfterCloudRecordingChanged', values),
  },
])();
