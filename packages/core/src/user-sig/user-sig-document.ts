/**
 * The decoded content of a TLSSigAPIv2 UserSig (its JSON document), with camelCase names. Returned by
 * {@link decodeUserSig} (unverified) and {@link verifyUserSig} (verified).
 *
 * @example
 * ```ts
 * const document = decodeUserSig(userSig);
 * const renewAfterMs = (document.expiresAtSeconds - 3600) * 1000; // re-sign an hour before expiry, as a Date.now() value
 * ```
 */
export interface UserSigDocument {
  /** `TLS.ver`: the scheme version, always `"2.0"` (HMAC-SHA256). */
  readonly version: '2.0';
  /** `TLS.identifier`: the UserID the UserSig was issued for. */
  readonly identifier: string;
  /** `TLS.sdkappid`: the SDKAppID the UserSig was issued for. */
  readonly sdkAppId: number;
  /** `TLS.time`: when the UserSig was generated, in Unix seconds (not milliseconds). */
  readonly time: number;
  /** `TLS.expire`: validity in seconds, relative to `time` (not an absolute timestamp). */
  readonly expire: number;
  /**
   * `time + expire`: the last Unix second at which the UserSig is still valid (it expires after it). In seconds,
   * as the UserSig counts; multiply by 1000 to compare with `Date.now()`.
   */
  readonly expiresAtSeconds: number;
  /**
   * @deprecated The same value as {@link UserSigDocument.expiresAtSeconds}, in seconds, which the name did not
   * say (tokenwire's other `expiresAt` fields are milliseconds). Removed in the next minor release.
   */
  readonly expiresAt: number;
  /** `TLS.userbuf` decoded from base64: the signed user buffer (TRTC PrivateMapKey), when present. */
  readonly userBuf?: Uint8Array;
  /** `TLS.userbuf` exactly as it appears in the document (standard base64), when present; this is what is signed. */
  readonly userBufBase64?: string;
  /** `TLS.sig`: the HMAC-SHA256 signature as standard base64 (44 characters with padding). */
  readonly signature: string;
}
