import { UserSigError, redactSecrets, verifyUserSig, type Clock, type UserSigErrorReason } from '@tokenwire/core';
import { failure, type CommandOutcome } from './envelope-response.js';

/** The app the emulated service is, and who may call it. */
export interface QueryCheckOptions {
  readonly sdkAppId: number;
  readonly secretKey: string;
  readonly admins: ReadonlySet<string>;
  readonly now: Clock;
}

const UINT32_MAX = 4294967295;

/** The 70xxx code the real service answers for each reason `verifyUserSig` gives. */
const USERSIG_CODES: Readonly<Record<UserSigErrorReason, number>> = {
  malformed: 70003,
  expired: 70001,
  signature_mismatch: 70009,
  identifier_mismatch: 70013,
  sdkappid_mismatch: 70014,
};

/**
 * Runs the query-string checks of a Tencent REST call in the real service's order and returns the first
 * failure, or `undefined` when the call may proceed:
 *
 * 1. `sdkappid` missing → 60012; not plain digits → 60006; another app → 70020.
 * 2. `identifier` missing or not an App administrator → 60010.
 * 3. `usersig` missing or empty → 70002; then `verifyUserSig` from `@tokenwire/core`: malformed → 70003,
 *    expired → 70001, wrong key → 70009, identifier mismatch → 70013, SDKAppID mismatch → 70014.
 * 4. `random` missing or not a uint32 in plain digits → 60002.
 * 5. `contenttype` other than `json` → 60002.
 *
 * Parameter names and values are case-sensitive, as Tencent documents; a repeated parameter counts by its
 * first occurrence. `ErrorInfo` never echoes the UserSig.
 */
export function checkRequestQuery(query: URLSearchParams, options: QueryCheckOptions): CommandOutcome | undefined {
  const sdkAppId = query.get('sdkappid');
  if (sdkAppId === null || sdkAppId === '') return failure(60012, 'REST API call requires sdkappid in the URL');
  if (!/^\d+$/.test(sdkAppId)) return failure(60006, 'SDKAppID is invalid: sdkappid must be a decimal integer');
  if (Number(sdkAppId) !== options.sdkAppId) {
    return failure(70020, `SDKAppID ${sdkAppId} does not exist: check the SDKAppID against the data centre`);
  }

  const identifier = query.get('identifier');
  if (identifier === null || !options.admins.has(identifier)) {
    return failure(60010, 'the request needs App administrator permission: identifier must be an App admin');
  }

  const userSig = query.get('usersig');
  if (userSig === null || userSig === '') return failure(70002, 'UserSig length is 0');
  try {
    verifyUserSig(userSig, { sdkAppId: options.sdkAppId, secretKey: options.secretKey, identifier, now: options.now });
  } catch (error) {
    if (!UserSigError.isInstance(error)) throw error;
    return failure(USERSIG_CODES[error.reason], redactSecrets(error.message, [userSig, options.secretKey]));
  }

  const random = query.get('random');
  if (random === null || !/^\d+$/.test(random) || Number(random) > UINT32_MAX) {
    return failure(60002, 'HTTP parse error: random must be an unsigned 32-bit integer (0 to 4294967295)');
  }

  if (query.get('contenttype') !== 'json') return failure(60002, 'HTTP parse error: contenttype must be json');
  return undefined;
}
