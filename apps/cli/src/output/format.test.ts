import { describe, expect, it } from 'vitest';
import { formatMilliseconds, humanDuration, isoFromSeconds, keyValueRows } from './format.js';

describe('format', () => {
  it('humanDuration keeps the two largest units', () => {
    expect(humanDuration(0)).toBe('0s');
    expect(humanDuration(42)).toBe('42s');
    expect(humanDuration(300)).toBe('5m');
    expect(humanDuration(3_725)).toBe('1h 2m');
    expect(humanDuration(15_552_000)).toBe('180d');
    expect(humanDuration(-90)).toBe('1m 30s');
  });

  it('formatMilliseconds switches to seconds at 1 s', () => {
    expect(formatMilliseconds(12.4)).toBe('12 ms');
    expect(formatMilliseconds(1240)).toBe('1.24 s');
  });

  it('isoFromSeconds and keyValueRows', () => {
    expect(isoFromSeconds(1_700_000_000)).toBe('2023-11-14T22:13:20.000Z');
    expect(
      keyValueRows([
        ['a', '1'],
        ['long', '2'],
      ]),
    ).toEqual(['  a     1', '  long  2']);
  });
});
