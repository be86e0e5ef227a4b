import { describe, expect, it } from 'vitest';
import { unwrapToken } from './unwrap-token.js';

const TOKEN = 'eyJjcmVhdGVUaW1lIjoxNzAwMDAwMDAwMDAwfQ%3D%3D';

describe('unwrapToken', () => {
  it.each([
    [TOKEN, TOKEN],
    [` ${TOKEN}\n`, TOKEN],
    [`"${TOKEN}"`, TOKEN],
    [`\\"${TOKEN}\\"`, TOKEN],
    [`"\\"${TOKEN}\\""`, TOKEN],
    [`"" ${TOKEN} ""`, TOKEN],
  ])('unwraps %s', (input, expected) => {
    expect(unwrapToken(input)).toBe(expected);
  });

  it('leaves unbalanced or inner quotes alone and never decodes the token', () => {
    expect(unwrapToken(`"${TOKEN}`)).toBe(`"${TOKEN}`);
    expect(unwrapToken(`a"b"c`)).toBe('a"b"c');
    expect(unwrapToken('abc%3D')).toBe('abc%3D');
    expect(unwrapToken('""')).toBe('');
  });
});
