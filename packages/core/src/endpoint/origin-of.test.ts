import { describe, expect, it } from 'vitest';
import { originOf } from './origin-of.js';

describe('originOf', () => {
  it('takes an exact http(s) origin, lower-cased, with an optional trailing slash', () => {
    expect(originOf('https://app.example.com')).toBe('https://app.example.com');
    expect(originOf('HTTPS://App.Example.com/')).toBe('https://app.example.com');
    expect(originOf('http://localhost:5173')).toBe('http://localhost:5173');
  });

  it('refuses what is not exactly an origin', () => {
    for (const entry of [
      'app.example.com',
      'https://app.example.com/path',
      'https://app.example.com?x=1',
      'https://user@app.example.com',
      'ftp://app.example.com',
      '*',
      '',
    ])
      expect(originOf(entry), entry).toBeUndefined();
  });
});
