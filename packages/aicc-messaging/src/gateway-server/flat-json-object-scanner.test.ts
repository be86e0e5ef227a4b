import { describe, expect, it } from 'vitest';
import { FlatJsonObjectScanner, MAX_MEMBER_NAME_LENGTH } from './flat-json-object-scanner.js';

/** Scans `text` fed in `pieces` (split points), returning the wanted members seen, or 'invalid'. */
function scan(text: string, splits: readonly number[] = []): [string, string | undefined][] | 'invalid' {
  const members: [string, string | undefined][] = [];
  const scanner = new FlatJsonObjectScanner({
    wantsValue: (name) => name.toLowerCase() === 'userid',
    onMember: (name, value) => members.push([name, value]),
    maxValueLength: 8,
  });
  try {
    let from = 0;
    for (const split of [...splits, text.length]) {
      scanner.feed(text.slice(from, split));
      from = split;
    }
    scanner.end();
  } catch {
    return 'invalid';
  }
  return members;
}

describe('FlatJsonObjectScanner', () => {
  it('reports every occurrence of a wanted member, decoded, whatever the split of the text', () => {
    const text = ' {"a":"x\\"y","\\u0075serId":"ada","n":-1.5e3,"t":true,"UserID":"b\\u00f6b","z":null,"userid":7} \n';
    const whole = scan(text);
    expect(whole).toEqual([
      ['userId', 'ada'],
      ['UserID', 'böb'],
      ['userid', undefined],
    ]);
    for (let split = 1; split < text.length; split++) expect(scan(text, [split])).toEqual(whole);
    expect(
      scan(
        text,
        Array.from({ length: text.length - 1 }, (_, index) => index + 1),
      ),
    ).toEqual(whole); // one character at a time
  });

  it('keeps at most maxValueLength + 1 code units of a wanted value', () => {
    expect(scan(`{"userId":"${'x'.repeat(1000)}"}`)).toEqual([['userId', 'x'.repeat(9)]]);
  });

  it('accepts the empty object and refuses everything that is not one flat JSON object', () => {
    expect(scan('{}')).toEqual([]);
    for (const text of [
      '',
      '[]',
      '{"a":{}}',
      '{"a":[1]}',
      '{"a":1,}',
      '{,"a":1}',
      '{"a" 1}',
      "{'a':1}",
      '{a:1}',
      '{"a":1} x',
      '{"a":1}{}',
      '{"a":"line\nbreak"}',
      '{"a":"\\x41"}',
      '{"a":"\\u12"}',
      '{"a":01}',
      '{"a":1.}',
      '{"a":tru}',
      '{"a":NaN}',
      '{"a":1 /* c */}',
      '{"a":"unterminated}',
      `{"${'k'.repeat(MAX_MEMBER_NAME_LENGTH + 1)}":1}`,
    ]) {
      expect(scan(text), text).toBe('invalid');
    }
  });
});
