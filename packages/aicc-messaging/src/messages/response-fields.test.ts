import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CountSchema } from './count-field.js';
import { IntegerTextSchema, OptionalScalarSchema } from './response-fields.js';

const read = (schema: v.GenericSchema, value: unknown) => {
  const result = v.safeParse(schema, value);
  return result.success ? { output: result.output } : { issues: result.issues.map((issue) => issue.message) };
};

describe('fields AICC sends in two shapes: one rule, one message', () => {
  it('IntegerTextSchema takes a string or an integer, as a string', () => {
    expect(read(IntegerTextSchema, '0')).toEqual({ output: '0' });
    expect(read(IntegerTextSchema, 160021)).toEqual({ output: '160021' });
    for (const value of [1.5, Number.NaN, Number.POSITIVE_INFINITY, null, true]) {
      expect(read(IntegerTextSchema, value)).toEqual({ issues: ['must be a string or an integer'] });
    }
  });

  it('OptionalScalarSchema keeps a string or a number as it came, never NaN', () => {
    expect(read(OptionalScalarSchema, '1717000000000')).toEqual({ output: '1717000000000' });
    expect(read(OptionalScalarSchema, 1.5)).toEqual({ output: 1.5 });
    expect(read(OptionalScalarSchema, null)).toEqual({ output: null });
    for (const value of [Number.NaN, true, {}])
      expect(read(OptionalScalarSchema, value)).toEqual({ issues: ['must be a string or a number'] });
  });

  it('CountSchema takes a whole number or a string of digits, as a number', () => {
    expect(read(CountSchema, ' 12 ')).toEqual({ output: 12 });
    expect(read(CountSchema, -3)).toEqual({ output: -3 });
    expect(read(CountSchema, null)).toEqual({ output: undefined });
    for (const value of [1.5, '1.5', 'twelve', Number.NaN, '1'.repeat(16)]) {
      expect(read(CountSchema, value)).toEqual({ issues: ['must be a whole number or a string of digits'] });
    }
  });
});
