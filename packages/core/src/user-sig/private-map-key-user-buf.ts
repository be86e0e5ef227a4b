/** The fields of a TRTC PrivateMapKey userbuf, already validated. */
export interface PrivateMapKeyUserBufFields {
  /** The UserID (`account`). */
  readonly userId: string;
  /** The SDKAppID (`dwSdkAppid`). */
  readonly sdkAppId: number;
  /** A numeric room id (written as `dwAuthID`), or a string room id (appended; `dwAuthID` is 0). */
  readonly roomId: number | string;
  /** Absolute expiry in Unix seconds (`dwExpTime`), i.e. generation time + validity. */
  readonly expiresAt: number;
  /** Privilege bits (`dwPrivilegeMap`), see {@link PRIVILEGE}. */
  readonly privilegeMap: number;
}

const encoder = /* @__PURE__ */ (() => new TextEncoder())();

/**
 * Lays out a PrivateMapKey userbuf (reference §4.6), big-endian: `cVer` u8 (0 for a numeric room, 1 for a
 * string room) · `wAccountLen` u16 · account bytes · `dwSdkAppid` u32 · `dwAuthID` u32 (the numeric room, or 0)
 * · `dwExpTime` u32 · `dwPrivilegeMap` u32 · `dwAccountType` u32 (0) · for a string room: u16 length · room bytes.
 *
 * The account and the string room are encoded as **UTF-8**. The official Node/Python/Java libraries write
 * `charCodeAt`/`ord` values truncated to a byte instead, which only agrees with UTF-8 for ASCII; for ASCII ids
 * the result is byte-for-byte the official one.
 *
 * Internal: {@link genPrivateMapKey} validates the fields (lengths fit their u16 fields, numbers their u32 fields).
 */
export function encodePrivateMapKeyUserBuf(fields: PrivateMapKeyUserBufFields): Uint8Array {
  const account = encoder.encode(fields.userId);
  const room = typeof fields.roomId === 'string' ? encoder.encode(fields.roomId) : undefined;
  const length = 1 + 2 + account.length + 20 + (room === undefined ? 0 : 2 + room.length);
  const bytes = new Uint8Array(length);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, room === undefined ? 0 : 1);
  view.setUint16(1, account.length);
  bytes.set(account, 3);
  let offset = 3 + account.length;
  view.setUint32(offset, fields.sdkAppId);
  view.setUint32(offset + 4, typeof fields.roomId === 'number' ? fields.roomId : 0);
  view.setUint32(offset + 8, fields.expiresAt);
  view.setUint32(offset + 12, fields.privilegeMap);
  view.setUint32(offset + 16, 0); // dwAccountType
  offset += 20;
  if (room !== undefined) {
    view.setUint16(offset, room.length);
    bytes.set(room, offset + 2);
  }
  return bytes;
}
