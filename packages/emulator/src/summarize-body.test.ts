import { describe, expect, it } from 'vitest';
import { summarizeBody } from './summarize-body.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('summarizeBody', () => {
  it('gives undefined for an empty body', () => {
    expect(summarizeBody(new Uint8Array(0), [])).toBeUndefined();
  });

  it('parses JSON and redacts secret fields at any depth, whatever their case', () => {
    const body = {
      Token: 'callback-token-value',
      IsTokenEnable: true,
      app_key: 'public-key',
      app_secret: 'the-app-secret',
      nested: [{ AccessToken: 'abc' }, { password: 'p', secretKey: 's', Sign: 'f00' }],
      token: null,
    };
    expect(summarizeBody(bytes(JSON.stringify(body)), [])).toEqual({
      Token: '***',
      IsTokenEnable: true,
      app_key: 'public-key',
      app_secret: '***',
      nested: [{ AccessToken: '***' }, { password: '***', secretKey: '***', Sign: '***' }],
      token: null,
    });
  });

  it('scrubs known secrets from every string and from non-JSON text', () => {
    expect(summarizeBody(bytes(JSON.stringify({ Url: 'https://hook.test/?key=s3cr3t-key' })), ['s3cr3t-key'])).toEqual({
      Url: 'https://hook.test/?key=***',
    });
    expect(summarizeBody(bytes('not json s3cr3t-key'), ['s3cr3t-key'])).toBe('not json ***');
  });

  it('shortens long strings (base64 file streams) and long text', () => {
    const summary = summarizeBody(bytes(JSON.stringify({ fileStream: 'A'.repeat(5000) })), []) as { fileStream: string };
    expect(summary.fileStream).toMatch(/^A{48}…\(5000 chars\)$/);
    expect(summarizeBody(bytes('x'.repeat(2000)), [])).toMatch(/…\(2000 chars\)$/);
  });

  it('describes binary bodies by size and cuts very deep JSON', () => {
    expect(summarizeBody(new Uint8Array([0xff, 0xfe, 0x00]), [])).toBe('<binary, 3 bytes>');
    let deep: unknown = 'bottom';
    for (let level = 0; level < 30; level++) deep = [deep];
    expect(JSON.stringify(summarizeBody(bytes(JSON.stringify(deep)), []))).toContain('"…"');
  });
});
