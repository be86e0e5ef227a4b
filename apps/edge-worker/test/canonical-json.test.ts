import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/tencent/canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys at every level and drops whitespace', () => {
    expect(canonicalJson(' { "b" : [ {"y":1,"x":2} ], "a" : null }\n')).toBe('{"a":null,"b":[{"x":2,"y":1}]}');
  });

  it('gives one form to texts that differ only in escapes or number spelling', () => {
    expect(canonicalJson('{"s":"\\u0072\\/","n":1.0,"e":1e2}')).toBe(canonicalJson('{"e":100,"n":1,"s":"r/"}'));
  });

  it('keeps integers beyond 2^53 exact, and keeps distinct bodies distinct', () => {
    expect(canonicalJson('{"Owner_Account":144115216631667826}')).toBe('{"Owner_Account":"144115216631667826"}');
    expect(canonicalJson('{"Owner_Account":144115216631667827}')).not.toBe(canonicalJson('{"Owner_Account":144115216631667826}'));
    expect(canonicalJson('{"a":"1"}')).not.toBe(canonicalJson('{"a":1}'));
  });

  it('returns text that is not JSON unchanged', () => {
    expect(canonicalJson('not json ')).toBe('not json ');
  });
});
