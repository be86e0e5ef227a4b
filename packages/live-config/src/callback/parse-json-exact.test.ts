import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, parseJsonExact, type JsonValue } from './parse-json-exact.js';

function parseOk(text: string): JsonValue {
  const result = parseJsonExact(text);
  if (!result.ok) throw new Error(`expected JSON, got failure at ${result.position}: ${result.message}`);
  return result.value;
}

/** Whether JSON text holds an integer literal (no fraction or exponent) outside the safe range. */
function hasUnsafeIntegerLiteral(value: unknown): boolean {
  if (typeof value === 'number') return Number.isInteger(value) && !Number.isSafeInteger(value) && !/[eE.]/.test(JSON.stringify(value));
  if (Array.isArray(value)) return value.some(hasUnsafeIntegerLiteral);
  if (typeof value === 'object' && value !== null) return Object.values(value).some(hasUnsafeIntegerLiteral);
  return false;
}

describe('parseJsonExact', () => {
  it('keeps integers beyond 2^53 exactly, as decimal strings', () => {
    expect(parseOk('{"Owner_Account":144115216631667826,"Count":2}')).toEqual({ Owner_Account: '144115216631667826', Count: 2 });
    expect(String(JSON.parse('144115216631667826'))).not.toBe('144115216631667826'); // JSON.parse rounds it
    expect(parseOk('[9007199254740991,9007199254740992,-9007199254740993,123456789012345678901234567890]')).toEqual([
      9007199254740991,
      '9007199254740992',
      '-9007199254740993',
      '123456789012345678901234567890',
    ]);
  });

  it('treats literals with a fraction or an exponent as numbers, like JSON.parse', () => {
    expect(parseOk('[1.0, 1e20, 144115216631667826.5, -0, 1E400]')).toEqual([1, 1e20, Number('144115216631667826.5'), -0, Infinity]);
    expect(Object.is(parseOk('-0'), -0)).toBe(true);
  });

  it('makes "__proto__" an own property and lets the last duplicate key win, like JSON.parse', () => {
    const value = parseOk('{"__proto__":{"polluted":true},"a":1,"a":2}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__', 'a']);
    expect(value['a']).toBe(2);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(value).toEqual(JSON.parse('{"__proto__":{"polluted":true},"a":1,"a":2}'));
  });

  it('decodes every escape', () => {
    const text = String.raw`"\"\\\/\b\f\n\r\t\u00e9\uD83D\uDE00\ud800"`;
    expect(parseOk(text)).toBe(JSON.parse(text));
  });

  it.each([
    ['', 'unexpected end'],
    ['{', 'expected a property name'],
    ['{"a":1,}', 'expected a property name'],
    ['[1,]', 'unexpected character'],
    ['01', 'unexpected text after'],
    ['1.', 'unexpected text after'],
    ['-', 'invalid number'],
    ['"abc', 'unterminated string'],
    ['"a\u0001"', 'control character'],
    [String.raw`"\x"`, 'invalid escape'],
    [String.raw`"\u12G4"`, 'invalid \\u escape'],
    ['tru', 'unexpected character'],
    ['{"a" 1}', "expected ':'"],
    ['[1 2]', "expected ',' or ']'"],
    ['\uFEFF{}', 'unexpected character'],
    ["{'a':1}", 'expected a property name'],
  ])('rejects %j (%s), as JSON.parse does', (text, message) => {
    const result = parseJsonExact(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
    expect(() => JSON.parse(text)).toThrow();
  });

  it('reports the position of the problem', () => {
    expect(parseJsonExact('{"a": [1, 2, x]}')).toEqual({ ok: false, position: 13, message: 'unexpected character' });
  });

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH} levels instead of exhausting the stack`, () => {
    expect(parseJsonExact('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH)).ok).toBe(true);
    const tooDeep = parseJsonExact('['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1));
    expect(tooDeep).toMatchObject({ ok: false, message: expect.stringContaining('nested deeper') });
    expect(parseJsonExact('[{"a":'.repeat(100_000)).ok).toBe(false);
  });

  it('equals JSON.parse on any JSON without unsafe integer literals (fuzz, with random whitespace)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 0, 1, 2, '\t', ' \r\n'), (value, indent) => {
        fc.pre(!hasUnsafeIntegerLiteral(value));
        const text = JSON.stringify(value, null, indent);
        expect(parseOk(text)).toStrictEqual(JSON.parse(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with JSON.parse on validity for arbitrary JSON-ish text (fuzz)', () => {
    const unit = fc.constantFrom(...'{}[]",:0123456789-+.eEtrufalsn \\\t\n/ub'.split(''));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit, maxLength: 30 }),
          fc.json().map((text) => text.slice(0, -1)),
        ),
        (text) => {
          let valid = true;
          let expected: unknown;
          try {
            expected = JSON.parse(text);
          } catch {
            valid = false;
          }
          const result = parseJsonExact(text);
          expect(result.ok).toBe(valid);
          if (result.ok && !hasUnsafeIntegerLiteral(expected)) expect(result.value).toStrictEqual(expected);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('keeps any integer literal exactly (fuzz with big integers)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }), (integer) => {
        const value = parseOk(`{"id":${integer}}`) as { id: number | string };
        const safe = integer >= BigInt(Number.MIN_SAFE_INTEGER) && integer <= BigInt(Number.MAX_SAFE_INTEGER);
        expect(value.id).toBe(safe ? Number(integer) : integer.toString());
      }),
      { numRuns: 2000 },
    );
  });
});
