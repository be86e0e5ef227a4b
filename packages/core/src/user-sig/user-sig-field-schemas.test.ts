import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ClockSecondsSchema, IdentifierSchema } from './user-sig-field-schemas.js';

const messagesOf = (schema: v.GenericSchema, input: unknown) => v.safeParse(schema, input).issues?.map((issue) => issue.message) ?? [];

describe('IdentifierSchema', () => {
  it('accepts up to 512 UTF-8 bytes and rejects more', () => {
    expect(messagesOf(IdentifierSchema, 'a'.repeat(512))).toEqual([]);
    expect(messagesOf(IdentifierSchema, '中'.repeat(170))).toEqual([]); // 510 bytes
    expect(messagesOf(IdentifierSchema, '中'.repeat(171))).toEqual(['must be at most 512 bytes of UTF-8']); // 513 bytes
    expect(messagesOf(IdentifierSchema, 'a'.repeat(513))).toEqual(['must be at most 512 bytes of UTF-8']);
  });

  it('rejects empty, non-string and lone-surrogate identifiers, saying what it got but not the value', () => {
    expect(messagesOf(IdentifierSchema, '')).toEqual(['must be a non-empty string']);
    expect(messagesOf(IdentifierSchema, 42)).toEqual(['must be a non-empty string, got number']);
    expect(messagesOf(IdentifierSchema, ['a'])).toEqual(['must be a non-empty string, got an array']);
    expect(messagesOf(IdentifierSchema, 'ab\uD800')).toEqual(['must be well-formed Unicode (it has a lone surrogate)']);
  });
});

describe('ClockSecondsSchema', () => {
  it('reads the clock once and floors its milliseconds to seconds', () => {
    let reads = 0;
    const clock = () => {
      reads++;
      return 1_700_000_000_999;
    };
    expect(v.parse(ClockSecondsSchema, clock)).toBe(1_700_000_000);
    expect(reads).toBe(1);
    expect(v.parse(ClockSecondsSchema, () => 0)).toBe(0);
  });

  it('refuses what is not a clock, and clocks that return nonsense', () => {
    expect(messagesOf(ClockSecondsSchema, 42)).toEqual(['must be a clock function, got number']);
    for (const clock of [() => Number.NaN, () => -1, () => '1700000000000', () => Number.POSITIVE_INFINITY, () => 1e16]) {
      expect(messagesOf(ClockSecondsSchema, clock)).toEqual([expect.stringContaining('must return milliseconds since the epoch')]);
    }
  });
});
