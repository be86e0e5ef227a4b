import type { Clock } from '../clock.js';
import type { ValidationIssue } from '../errors/validation-error.js';
import { MAX_IDENTIFIER_BYTES, MAX_SDK_APP_ID, MAX_USERSIG_EXPIRE_SECONDS } from './usersig-limits.js';

// Validators shared by genUserSig, genPrivateMapKey and verifyUserSig. Each one appends its findings to `issues`
// so the caller can report every problem at once. Messages describe the rule and never echo the value: some of
// these values are secrets.

/**
 * True when `text` has no lone (unpaired) UTF-16 surrogate, i.e. has an exact UTF-8 encoding: a string
 * without one could be signed differently by two signers. `encodeURIComponent` throws a `URIError` for exactly
 * those strings.
 */
export function isWellFormedUnicode(text: string): boolean {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

/** Number of bytes of the UTF-8 encoding of a well-formed string, without encoding it. */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0x80) bytes += code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 1 : 2; // a surrogate pair: 2 + 2 = 4
  }
  return bytes;
}

/** Checks an SDKAppID: a positive integer up to 4294967295. */
export function checkSdkAppId(value: unknown, issues: ValidationIssue[]): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_SDK_APP_ID) {
    issues.push({ path: 'sdkAppId', message: `must be an integer from 1 to ${MAX_SDK_APP_ID}` });
  }
}

/** Checks a secret key: a non-empty string. The message never contains the key. */
export function checkSecretKey(value: unknown, issues: ValidationIssue[]): void {
  if (typeof value !== 'string' || value.length === 0) issues.push({ path: 'secretKey', message: 'must be a non-empty string' });
}

/** Checks a UserID to sign: a non-empty, well-formed Unicode string of at most {@link MAX_IDENTIFIER_BYTES} UTF-8 bytes. */
export function checkIdentifier(value: unknown, path: string, issues: ValidationIssue[]): void {
  if (typeof value !== 'string' || value.length === 0) {
    issues.push({ path, message: 'must be a non-empty string' });
  } else if (value.length * 3 > MAX_IDENTIFIER_BYTES && utf8Length(value) > MAX_IDENTIFIER_BYTES) {
    issues.push({ path, message: `must be at most ${MAX_IDENTIFIER_BYTES} bytes of UTF-8` });
  } else if (!isWellFormedUnicode(value)) {
    issues.push({ path, message: 'must be well-formed Unicode (it has a lone surrogate)' });
  }
}

/** Checks a validity period: an integer number of seconds from 1 to {@link MAX_USERSIG_EXPIRE_SECONDS} (10 years). */
export function checkExpireSeconds(value: unknown, issues: ValidationIssue[]): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_USERSIG_EXPIRE_SECONDS) {
    issues.push({
      path: 'expireSeconds',
      message: `must be an integer number of seconds from 1 to ${MAX_USERSIG_EXPIRE_SECONDS} (10 years)`,
    });
  }
}

/**
 * Reads a {@link Clock} and returns the current Unix time in whole seconds, or `undefined` (with an issue) when
 * `now` is not a function or returns something that is not a non-negative finite number of milliseconds.
 */
export function readClockSeconds(now: unknown, issues: ValidationIssue[]): number | undefined {
  if (typeof now !== 'function') {
    issues.push({ path: 'now', message: 'must be a clock function' });
    return undefined;
  }
  const milliseconds: unknown = (now as Clock)();
  if (typeof milliseconds !== 'number' || !Number.isFinite(milliseconds) || milliseconds < 0 || milliseconds > 8.64e15) {
    issues.push({ path: 'now', message: 'must return milliseconds since the epoch' });
    return undefined;
  }
  return Math.floor(milliseconds / 1000);
}
