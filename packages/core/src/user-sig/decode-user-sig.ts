import { base64ToBytes } from '../encoding/base64.js';
import { decodeTencentBase64 } from '../encoding/tencent-base64.js';
import { UserSigError } from '../errors/user-sig-error.js';
import { type InflateProblem, inflateZlibWithinLimit } from './inflate-zlib-within-limit.js';
import type { UserSigDocument } from './user-sig-document.js';
import { isWellFormedUnicode } from '../encoding/well-formed-unicode.js';
import { MAX_USER_SIG_DOCUMENT_BYTES, MAX_USER_SIG_LENGTH } from './user-sig-limits.js';

const SIGNATURE_PATTERN = /^[A-Za-z0-9+/]{43}=$/;
const utf8Decoder = /* @__PURE__ */ (() => new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }))();

// A pure IIFE: the template literal would otherwise keep this table in bundles that never decode a UserSig.
const ZLIB_MESSAGES: Record<InflateProblem, string> = /* @__PURE__ */ (() => ({
  header: 'it is not a zlib stream (bad header)',
  stream: 'its zlib stream is truncated or corrupt',
  checksum: 'its zlib Adler-32 checksum does not match',
  too_large: `it inflates to more than ${MAX_USER_SIG_DOCUMENT_BYTES} bytes`,
}))();

function malformed(detail: string): UserSigError {
  return new UserSigError('malformed', `Malformed UserSig: ${detail}`);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Decodes a TLSSigAPIv2 UserSig into its fields **without verifying it** (no key needed): Tencent base64 →
 * bytes → zlib inflate (any compression level; the Adler-32 is checked) → UTF-8 → JSON, then checks every
 * field. Accepts the output of every official library. Use {@link verifyUserSig} to trust the result.
 *
 * Hostile input is bounded: at most {@link MAX_USER_SIG_LENGTH} characters are read, and inflating stops at the
 * first byte past 6158 (the largest document a signer writes for fields within tokenwire's limits), so a zlib
 * bomb costs about what a genuine UserSig of the same length costs. Huffman codes are checked as zlib checks them.
 *
 * @throws {@link UserSigError} with reason `malformed` for anything that is not a well-formed UserSig,
 *   including non-string input. The message never contains the UserSig.
 * @example
 * ```ts
 * const { identifier, sdkAppId, expiresAtSeconds } = decodeUserSig(userSig);
 * ```
 */
export function decodeUserSig(userSig: string): UserSigDocument {
  if (typeof userSig !== 'string') throw malformed(`expected a string, got ${userSig === null ? 'null' : typeof userSig}`);
  if (userSig.length === 0) throw malformed('it is empty');
  if (userSig.length > MAX_USER_SIG_LENGTH) throw malformed(`it is longer than ${MAX_USER_SIG_LENGTH} characters`);
  const compressed = decodeTencentBase64(userSig);
  if (compressed === undefined) throw malformed('it is not Tencent base64 (alphabet A-Z a-z 0-9 * - with _ padding)');
  const inflated = inflateZlibWithinLimit(compressed, MAX_USER_SIG_DOCUMENT_BYTES);
  if (!inflated.ok) throw malformed(ZLIB_MESSAGES[inflated.problem]);

  let parsed: unknown;
  try {
    parsed = JSON.parse(utf8Decoder.decode(inflated.data));
  } catch {
    // No `cause`: V8's JSON errors quote the input, and the document is as good as the UserSig itself.
    throw malformed('its document is not UTF-8 JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw malformed('its document is not a JSON object');
  const fields = parsed as Record<string, unknown>;

  const problems: string[] = [];
  const version = fields['TLS.ver'];
  const identifier = fields['TLS.identifier'];
  const sdkAppId = fields['TLS.sdkappid'];
  const time = fields['TLS.time'];
  const expire = fields['TLS.expire'];
  const userBufBase64 = fields['TLS.userbuf'];
  const signature = fields['TLS.sig'];
  if (version !== '2.0') problems.push('TLS.ver must be "2.0"');
  if (typeof identifier !== 'string') problems.push('TLS.identifier must be a string');
  // JSON's \uD800 escapes can spell a lone surrogate, which signs as U+FFFD: one signature, two identifiers.
  else if (!isWellFormedUnicode(identifier)) problems.push('TLS.identifier must be well-formed Unicode (it has a lone surrogate)');
  if (!isCount(sdkAppId)) problems.push('TLS.sdkappid must be a non-negative integer');
  if (!isCount(time)) problems.push('TLS.time must be a non-negative integer');
  if (!isCount(expire)) problems.push('TLS.expire must be a non-negative integer');
  let userBuf: Uint8Array | undefined;
  if (userBufBase64 !== undefined) {
    userBuf = typeof userBufBase64 === 'string' ? base64ToBytes(userBufBase64) : undefined;
    if (userBuf === undefined) problems.push('TLS.userbuf must be a standard base64 string when present');
  }
  if (typeof signature !== 'string' || !SIGNATURE_PATTERN.test(signature)) {
    problems.push('TLS.sig must be 44 characters of standard base64 (a 32-byte HMAC-SHA256)');
  }
  if (problems.length > 0) throw malformed(problems.join('; '));

  const expiresAtSeconds = (time as number) + (expire as number);
  const document = {
    version: '2.0' as const,
    identifier: identifier as string,
    sdkAppId: sdkAppId as number,
    time: time as number,
    expire: expire as number,
    expiresAtSeconds,
    expiresAt: expiresAtSeconds,
    signature: signature as string,
  };
  return userBuf === undefined ? document : { ...document, userBuf, userBufBase64: userBufBase64 as string };
}
