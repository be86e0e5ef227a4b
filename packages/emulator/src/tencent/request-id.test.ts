import { describe, expect, it } from 'vitest';
import { REQUEST_ID_PATTERN, createRequestIdGenerator } from './request-id.js';

describe('createRequestIdGenerator', () => {
  it('produces ids in the real format with a growing sequence number', () => {
    const next = createRequestIdGenerator();
    const first = next();
    const second = next();
    expect(first).toMatch(REQUEST_ID_PATTERN);
    expect(second).toMatch(REQUEST_ID_PATTERN);
    expect(first.endsWith('-O-Seq-1')).toBe(true);
    expect(second.endsWith('-O-Seq-2')).toBe(true);
    expect(first.slice(3, 35)).not.toBe(second.slice(3, 35));
  });

  it('starts at the requested sequence number', () => {
    expect(createRequestIdGenerator(52720)()).toMatch(/-O-Seq-52720$/);
  });

  it('the pattern rejects ids that are not in the real format', () => {
    expect(REQUEST_ID_PATTERN.test('Id-8c9858f01e954611ae2d4c1b1ed7d583-O-Seq-52720')).toBe(true);
    expect(REQUEST_ID_PATTERN.test('Id-8C9858F01E954611AE2D4C1B1ED7D583-O-Seq-1')).toBe(false);
    expect(REQUEST_ID_PATTERN.test('Id-8c9858f01e954611ae2d4c1b1ed7d58-O-Seq-1')).toBe(false);
    expect(REQUEST_ID_PATTERN.test('Id-8c9858f01e954611ae2d4c1b1ed7d583-O-Seq-')).toBe(false);
  });
});
