import { describe, expect, it } from 'vitest';
import { parseTokenList } from './callback-commands.js';

describe('parseTokenList', () => {
  it('reads one token per line, skipping blank lines and # comments', () => {
    expect(parseTokenList('# current\ncurrent-token\n\n  previous-token  \r\n')).toEqual(['current-token', 'previous-token']);
  });

  it('reads a JSON array of strings', () => {
    expect(parseTokenList('["a-token", "", "b-token"]')).toEqual(['a-token', 'b-token']);
  });

  it('refuses a malformed JSON array', () => {
    expect(() => parseTokenList('[not json')).toThrow(/not a JSON array/);
    expect(() => parseTokenList('[1, 2]')).toThrow(/array of strings/);
  });
});
