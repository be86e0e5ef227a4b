import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { userSigSignature, userSigSigningContent } from './user-sig-signature.js';

const SAMPLE_KEY = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e';

describe('userSigSigningContent', () => {
  it('renders reference §4.7 vector A and B content exactly', () => {
    expect(userSigSigningContent('xiaojun', 1400000000, 1700000000, 15552000)).toBe(
      'TLS.identifier:xiaojun\nTLS.sdkappid:1400000000\nTLS.time:1700000000\nTLS.expire:15552000\n',
    );
    expect(userSigSigningContent('xiaojun', 1400000000, 1700000000, 15552000, 'YWJj')).toBe(
      'TLS.identifier:xiaojun\nTLS.sdkappid:1400000000\nTLS.time:1700000000\nTLS.expire:15552000\nTLS.userbuf:YWJj\n',
    );
  });
});

describe('userSigSignature', () => {
  it('reproduces reference §4.7 vectors A and B', () => {
    expect(userSigSignature(SAMPLE_KEY, 'xiaojun', 1400000000, 1700000000, 15552000)).toBe('LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4=');
    expect(userSigSignature(SAMPLE_KEY, 'xiaojun', 1400000000, 1700000000, 15552000, 'YWJj')).toBe(
      'QjT201xPkXk/aM1e+y0vakZb0K2iPrFue++0s5y6bFM=',
    );
  });

  it('equals node:crypto HMAC-SHA256 for any key and identifier, across more keys than the state cache holds', () => {
    const keys = fc.oneof(
      fc.string({ minLength: 1, maxLength: 80 }),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), // non-ASCII and > 64-byte (pre-hashed) keys
      fc.constantFrom(SAMPLE_KEY, 'k', 'x'.repeat(64), 'y'.repeat(65)),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            key: keys,
            identifier: fc.string({ unit: 'grapheme', maxLength: 300 }),
            time: fc.nat(),
            expire: fc.nat(),
            userBuf: fc.option(fc.base64String({ maxLength: 400 }), { nil: undefined }),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        (cases) => {
          for (const { key, identifier, time, expire, userBuf } of cases) {
            const content = userSigSigningContent(identifier, 1400000000, time, expire, userBuf);
            const expected = createHmac('sha256', Buffer.from(key, 'utf8')).update(content, 'utf8').digest('base64');
            expect(userSigSignature(key, identifier, 1400000000, time, expire, userBuf)).toBe(expected);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives different signatures for different keys sharing a prefix', () => {
    const a = userSigSignature(SAMPLE_KEY, 'u', 1, 2, 3);
    const b = userSigSignature(`${SAMPLE_KEY}0`, 'u', 1, 2, 3);
    expect(a).not.toBe(b);
    expect(userSigSignature(SAMPLE_KEY, 'u', 1, 2, 3)).toBe(a);
  });
});
