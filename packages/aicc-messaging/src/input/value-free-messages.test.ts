import { ValidationError } from '@tokenwire/core';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parseResponse } from '../client/parse-response.js';
import { parseInput } from '@tokenwire/core/internal';

const Schema = v.strictObject({
  expires: v.optional(v.pipe(v.string(), v.regex(/^\d+$/))),
  index: v.optional(v.pipe(v.number(), v.minValue(0))),
  kind: v.optional(v.picklist(['a', 'b'])),
});

describe('parseInput and parseResponse never quote a value', () => {
  it('words issues of steps without a message of their own without the value', () => {
    const error = (() => {
      try {
        parseInput(Schema, { expires: 'soon-secret', index: -7, kind: 'secret-kind' }, 'test options');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(ValidationError.isInstance(error)).toBe(true);
    const text = `${(error as Error).message} ${JSON.stringify((error as ValidationError).issues)}`;
    expect(text).toContain('expires: must match /^\\d+$/ (regex)');
    expect(text).toContain('index: must match >=0 (min_value)');
    for (const value of ['soon-secret', '-7', 'secret-kind', 'received']) expect(text).not.toContain(value);
  });

  it('does the same for answers', () => {
    const error = (() => {
      try {
        parseResponse(Schema, { expires: 'soon-secret', index: -7 }, { path: '/apiaccess/ccmessaging/test', status: 200 });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })() as Error;
    expect(error.name).toBe('MalformedResponseError');
    for (const value of ['soon-secret', '-7', 'received']) expect(error.message).not.toContain(value);
    expect(error.message).toContain('index: must match >=0 (min_value)');
  });

  it('keeps the messages a schema gives', () => {
    expect(() => parseInput(v.pipe(v.string(), v.nonEmpty('must not be empty')), '', 'name')).toThrow('must not be empty');
  });
});
