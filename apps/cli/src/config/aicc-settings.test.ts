import { afterEach, describe, expect, it, vi } from 'vitest';
import { registeringFetch } from './aicc-settings.js';
import { SecretRegistry } from './secret-registry.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('registeringFetch', () => {
  it('registers the AccessToken and every ccmessaging-token sent or received, for redaction', async () => {
    const rotated = 'rotated-ccmessaging-token-456';
    vi.stubGlobal('fetch', async () => new Response('{}', { headers: { 'ccmessaging-token': rotated } }));
    const secrets = new SecretRegistry();
    const fetch = registeringFetch(secrets);
    await fetch('https://aicc.example.com/apiaccess/ccmessaging/send', {
      headers: { authorization: 'Bearer access-token-123', 'ccmessaging-token': 'session-ccmessaging-token-123' },
    });
    expect(secrets.redact('access-token-123 session-ccmessaging-token-123 rotated-ccmessaging-token-456 user-42')).toBe(
      '*** *** *** user-42',
    );
  });

  it('reads the headers of a Request too', async () => {
    vi.stubGlobal('fetch', async () => new Response('{}'));
    const secrets = new SecretRegistry();
    await registeringFetch(secrets)(
      new Request('https://aicc.example.com/x', { headers: { 'ccmessaging-token': 'request-object-token' } }),
    );
    expect(secrets.has('request-object-token')).toBe(true);
  });
});
