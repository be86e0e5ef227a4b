import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ValidationIssue } from '../errors/validation-error.js';
import { checkIdentifier, isWellFormedUnicode, readClockSeconds, utf8Length } from './usersig-input.js';

describe('utf8Length', () => {
  it('equals the TextEncoder length for well-formed strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => utf8Length(text) === new TextEncoder().encode(text).length),
      { numRuns: 300 },
    );
    expect(utf8Length('aé中😀')).toBe(1 + 2 + 3 + 4);
  });
});

describe('isWellFormedUnicode', () => {
  it('rejects lone surrogates only', () => {
    expect(isWellFormedUnicode('a😀b')).toBe(true);
    expect(isWellFormedUnicode('a\uD83Db')).toBe(false);
    expect(isWellFormedUnicode('\uDE00')).toBe(false);
    expect(isWellFormedUnicode('x\uD83D')).toBe(false);
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => isWellFormedUnicode(text)));
  });
});

describe('checkIdentifier', () => {
  const issuesOf = (value: unknown) => {
    const issues: ValidationIssue[] = [];
    checkIdentifier(value, 'identifier', issues);
    return issues;
  };

  it('accepts up to 512 UTF-8 bytes and rejects more', () => {
    expect(issuesOf('a'.repeat(512))).toEqual([]);
    expect(issuesOf('中'.repeat(170))).toEqual([]); // 510 bytes
    expect(issuesOf('中'.repeat(171))).toHaveLength(1); // 513 bytes
    expect(issuesOf('a'.repeat(513))).toHaveLength(1);
  });

  it('rejects empty, non-string and lone-surrogate identifiers', () => {
    for (const bad of ['', 42, null, undefined, ['a'], 'ab\uD800']) expect(issuesOf(bad)).toHaveLength(1);
  });
});

describe('readClockSeconds', () => {
  it('floors milliseconds to seconds', () => {
    expect(readClockSeconds(() => 1_700_000_000_999, [])).toBe(1_700_000_000);
    expect(readClockSeconds(() => 0, [])).toBe(0);
  });

  it('reports clocks that are not functions or return nonsense', () => {
    for (const clock of [42, () => Number.NaN, () => -1, () => '1700000000000', () => Number.POSITIVE_INFINITY, () => 1e16]) {
      const issues: ValidationIssue[] = [];
      expect(readClockSeconds(clock, issues)).toBeUndefined();
      expect(issues).toEqual([expect.objectContaining({ path: 'now' })]);
    }
  });
});
