import { describe, expect, it } from 'vitest';
import { TENCENT_ERROR_CODES, describeErrorCode } from './error-codes.js';

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

/** Every code of the reference: §1.4, §5 and §2.8. */
const REFERENCE_CODES = [
  ...range(60002, 60021),
  70001,
  70002,
  70003,
  70005,
  70009,
  70013,
  70014,
  70016,
  70020,
  70050,
  70051,
  70107,
  70114,
  70169,
  70202,
  70206,
  70398,
  70402,
  70403,
  70500,
  71000,
  100001,
  100002,
  100300,
  100301,
  100302,
];

const TRANSIENT = [100001, 60008, 60013, 60014, 70169, 70202, 70500];
const RATE_LIMIT = [60007, 60011, 60018, 60019];
const NEVER_RETRIED = [60002, 60003, 60009, 60012, 60015, 100002];

describe('Tencent error catalogue', () => {
  it('holds exactly the codes of the reference', () => {
    expect(TENCENT_ERROR_CODES.map((entry) => entry.code).sort((a, b) => a - b)).toEqual([...REFERENCE_CODES].sort((a, b) => a - b));
  });

  it('describes every entry consistently with describeErrorCode', () => {
    for (const entry of TENCENT_ERROR_CODES) {
      expect(describeErrorCode(entry.code)).toEqual(entry);
      expect(entry.meaning.length).toBeGreaterThan(5);
      expect(entry.category).not.toBe('unknown');
    }
  });

  it('retries transiently exactly 100001, 60008, 60013, 60014, 70169, 70202 and 70500', () => {
    const transient = TENCENT_ERROR_CODES.filter((entry) => entry.retry === 'transient').map((entry) => entry.code);
    expect(transient.sort()).toEqual([...TRANSIENT].sort());
    for (const code of TRANSIENT) expect(describeErrorCode(code).category).toBe('server');
  });

  it('backs off for rate limits on exactly 60007, 60011, 60018 and 60019', () => {
    const limited = TENCENT_ERROR_CODES.filter((entry) => entry.retry === 'rate_limit').map((entry) => entry.code);
    expect(limited.sort()).toEqual([...RATE_LIMIT].sort());
    for (const code of RATE_LIMIT) expect(describeErrorCode(code).category).toBe('rate_limit');
  });

  it('leaves only 70050 (retry after 1 minute) to a cool-down', () => {
    expect(TENCENT_ERROR_CODES.filter((entry) => entry.retry === 'cooldown').map((entry) => entry.code)).toEqual([70050]);
    expect(describeErrorCode(70050)).toMatchObject({ category: 'rate_limit', retry: 'cooldown' });
  });

  it('never retries invalid-request codes', () => {
    for (const entry of TENCENT_ERROR_CODES.filter((item) => item.category === 'invalid_request'))
      expect(entry.retry, String(entry.code)).toBe('none');
    for (const code of NEVER_RETRIED) {
      expect(describeErrorCode(code).category).toBe('invalid_request');
      expect(describeErrorCode(code).retry).toBe('none');
    }
  });

  it('classifies the live_config private codes', () => {
    expect(describeErrorCode(100300)).toMatchObject({ category: 'invalid_request', retry: 'none' });
    expect(describeErrorCode(100301)).toMatchObject({ category: 'invalid_request', retry: 'none' });
    expect(describeErrorCode(100302).meaning).toContain('set_callback_token');
  });

  it('treats UserSig problems as auth errors that are not blindly retried', () => {
    for (const code of [70001, 70002, 70003, 70005, 70009, 70013, 70014])
      expect(describeErrorCode(code)).toMatchObject({ category: 'auth', retry: 'none' });
  });

  it.each([0, -1, 1, 20002, 60001, 60022, 99999, 100003, 1.5, Number.NaN])('answers unknown and not retried for code %d', (code) => {
    expect(describeErrorCode(code)).toEqual({ code, meaning: 'undocumented error code', category: 'unknown', retry: 'none' });
  });
});
