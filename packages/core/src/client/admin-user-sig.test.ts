import { describe, expect, it } from 'vitest';
import { decodeUserSig } from '../user-sig/decode-user-sig.js';
import { verifyUserSig } from '../user-sig/verify-user-sig.js';
import { createFixedUserSigSource, createSigningUserSigSource, DEFAULT_ADMIN_USER_SIG_EXPIRE_SECONDS } from './admin-user-sig.js';

const SDK_APP_ID = 1400000001;
const SECRET_KEY = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e';
const START = Date.parse('2025-03-01T12:00:00.250Z');

function signing(expireSeconds = DEFAULT_ADMIN_USER_SIG_EXPIRE_SECONDS) {
  let now = START;
  const source = createSigningUserSigSource({
    sdkAppId: SDK_APP_ID,
    identifier: 'administrator',
    secretKey: SECRET_KEY,
    expireSeconds,
    now: () => now,
  });
  return { source, setNow: (value: number) => (now = value) };
}

describe('createSigningUserSigSource', () => {
  it('signs a verifiable admin UserSig with the configured lifetime', () => {
    const { source } = signing();
    const userSig = source.current();
    const document = verifyUserSig(userSig, { sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY, identifier: 'administrator', now: () => START });
    expect(document.time).toBe(Math.floor(START / 1000));
    expect(document.expire).toBe(86_400);
  });

  it('caches the UserSig and renews it one hour before a 24 h expiry', () => {
    const { source, setNow } = signing();
    const first = source.current();
    setNow(START + 22 * 3600_000);
    expect(source.current()).toBe(first);
    // Renewal happens 23 h after the signing second (TLS.time is truncated to whole seconds).
    setNow(Math.floor(START / 1000) * 1000 + 23 * 3600_000 - 1);
    expect(source.current()).toBe(first);
    setNow(Math.floor(START / 1000) * 1000 + 23 * 3600_000);
    const second = source.current();
    expect(second).not.toBe(first);
    expect(decodeUserSig(second).time).toBe(Math.floor(START / 1000) + 23 * 3600);
  });

  it('uses a tenth of short lifetimes as the safety margin', () => {
    const { source, setNow } = signing(600);
    const first = source.current();
    const signedSecond = Math.floor(START / 1000) * 1000;
    setNow(signedSecond + 539_999);
    expect(source.current()).toBe(first);
    setNow(signedSecond + 540_000);
    expect(source.current()).not.toBe(first);
  });

  it('regenerates after a 70001 rejection, once for concurrent rejections of the same UserSig', () => {
    const { source, setNow } = signing();
    const rejected = source.current();
    setNow(START + 5_000);
    expect(source.renewAfterExpiry(rejected)).toBe(true);
    const renewed = source.current();
    expect(renewed).not.toBe(rejected);
    setNow(START + 9_000);
    expect(source.renewAfterExpiry(rejected)).toBe(true);
    expect(source.current()).toBe(renewed);
  });
});

describe('createFixedUserSigSource', () => {
  it('always returns the given UserSig and refuses to renew it', () => {
    const source = createFixedUserSigSource('fixed-user-sig');
    expect(source.current()).toBe('fixed-user-sig');
    expect(source.renewAfterExpiry('fixed-user-sig')).toBe(false);
    expect(source.current()).toBe('fixed-user-sig');
  });
});
