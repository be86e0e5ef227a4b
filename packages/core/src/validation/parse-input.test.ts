import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/validation-error.js';
import { parseInput } from './parse-input.js';

const Settings = v.strictObject({
  token: v.pipe(v.string('must be a string'), v.minLength(1, 'must not be empty')),
  nested: v.optional(v.object({ count: v.number('must be a number') })),
});

describe('parseInput', () => {
  it('returns the parsed output of a valid input', () => {
    expect(parseInput(Settings, { token: 'abc', nested: { count: 2 } }, 'settings')).toEqual({ token: 'abc', nested: { count: 2 } });
  });

  it('reports every issue by dotted path, without repeating the values', () => {
    let caught: unknown;
    try {
      parseInput(
        v.object({ token: v.string('must be a string'), nested: v.object({ count: v.number('must be a number') }) }),
        { token: 42, nested: { count: 'secret-value' } },
        'settings',
      );
    } catch (error) {
      caught = error;
    }
    expect(ValidationError.isInstance(caught)).toBe(true);
    const error = caught as ValidationError;
    expect(error.issues).toEqual([
      { path: 'token', message: 'must be a string' },
      { path: 'nested.count', message: 'must be a number' },
    ]);
    expect(error.message).toBe('Invalid settings: token: must be a string; nested.count: must be a number');
    expect(error.message).not.toContain('secret-value');
  });

  it('words the issues of steps without a message of their own without quoting the value', () => {
    const schema = v.object({
      expires: v.pipe(v.string(), v.regex(/^\d+$/)),
      count: v.pipe(v.number(), v.minValue(0)),
      kind: v.picklist(['a', 'b']),
    });
    let caught: unknown;
    try {
      parseInput(schema, { expires: 'secret-soon', count: -31337, kind: 'secret-kind' }, 'settings');
    } catch (error) {
      caught = error;
    }
    const error = caught as ValidationError;
    expect(error.issues.map((issue) => issue.path)).toEqual(['expires', 'count', 'kind']);
    for (const leaked of ['secret-soon', '-31337', 'secret-kind', 'received']) expect(error.message).not.toContain(leaked);
    expect(error.issues[1]!.message).toBe('must match >=0 (min_value)');
  });

  it('reports a root-level issue with an empty path', () => {
    expect(() => parseInput(Settings, 'not an object', 'settings')).toThrow(/^Invalid settings: /);
    try {
      parseInput(Settings, null, 'settings');
    } catch (error) {
      expect((error as ValidationError).issues[0]?.path).toBe('');
    }
  });
});
