// Frozen directly (its argument is a literal, so bundlers may still drop it): JSR infers the exported type from it.
/**
 * Privilege bits of a TRTC PrivateMapKey (`dwPrivilegeMap`). Combine them with `|`.
 * (Some official comments give the last bit as "200"; it is 128.)
 *
 * @example
 * ```ts
 * // may enter and receive audio and video, but not publish
 * const privilegeMap = PRIVILEGE.enterRoom | PRIVILEGE.receiveAudio | PRIVILEGE.receiveVideo; // 42
 * ```
 */
export const PRIVILEGE = /* @__PURE__ */ Object.freeze({
  /** Bit 1: may create the room. */
  createRoom: 1,
  /** Bit 2: may enter the room. */
  enterRoom: 2,
  /** Bit 3: may send audio. */
  sendAudio: 4,
  /** Bit 4: may receive audio. */
  receiveAudio: 8,
  /** Bit 5: may send video. */
  sendVideo: 16,
  /** Bit 6: may receive video. */
  receiveVideo: 32,
  /** Bit 7: may send the sub-stream (screen sharing). */
  sendSubStream: 64,
  /** Bit 8: may receive the sub-stream (screen sharing). */
  receiveSubStream: 128,
  /** Every privilege (255). */
  all: 255,
} as const);

/** The name of one {@link PRIVILEGE} entry. */
export type PrivilegeName = keyof typeof PRIVILEGE;
