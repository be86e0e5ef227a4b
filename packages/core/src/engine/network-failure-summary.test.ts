/// <reference types="node" />
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createTencentClient } from '../client/create-tencent-client.js';
import { NetworkError } from '../errors/transport-errors.js';
import { networkFailureSummary } from './network-failure-summary.js';

const SECRET_KEY = 'network-failure-secret-key-0123456789abcdef';

/** A port on 127.0.0.1 that was just bound and closed, so a connection to it is refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  return port;
}

describe('networkFailureSummary', () => {
  it('names the code and the address of a connection Node refused', async () => {
    const port = await closedPort();
    const error = await fetch(`http://127.0.0.1:${port}/v4/x?usersig=secret`).catch((failure: unknown) => failure);
    expect(networkFailureSummary(error)).toBe(`ECONNREFUSED 127.0.0.1:${port}`);
  });

  it('reads the code from the error or any cause, the address from an AggregateError too, and brackets IPv6', () => {
    expect(networkFailureSummary(Object.assign(new TypeError('fetch failed'), { code: 'ConnectionRefused' }))).toBe('ConnectionRefused');
    const refused = Object.assign(new Error('connect ECONNREFUSED ::1:8080'), { code: 'ECONNREFUSED', address: '::1', port: 8080 });
    const aggregate = Object.assign(new AggregateError([refused]), { code: 'ECONNREFUSED' });
    expect(networkFailureSummary(new TypeError('fetch failed', { cause: aggregate }))).toBe('ECONNREFUSED [::1]:8080');
    const notFound = Object.assign(new Error('getaddrinfo ENOTFOUND api.example.test'), {
      code: 'ENOTFOUND',
      hostname: 'api.example.test',
    });
    expect(networkFailureSummary(new TypeError('fetch failed', { cause: notFound }))).toBe('ENOTFOUND api.example.test');
  });

  it('says nothing without a code, and never takes a URL, a path or an odd code from the error', () => {
    expect(networkFailureSummary(new TypeError('error sending request for url (http://x/?usersig=secret)'))).toBeUndefined();
    expect(networkFailureSummary('down')).toBeUndefined();
    const withUrl = Object.assign(new Error('x'), { code: 'ECONNRESET', address: 'http://h/?usersig=secret', port: 80 });
    expect(networkFailureSummary(withUrl)).toBe('ECONNRESET');
    expect(networkFailureSummary(Object.assign(new Error('x'), { code: 'usersig=secret value' }))).toBeUndefined();
    const throwing = Object.defineProperty(new Error('x'), 'code', {
      get() {
        throw new Error('getter');
      },
    });
    expect(networkFailureSummary(throwing)).toBeUndefined();
  });
});

describe('NetworkError of a refused connection', () => {
  it('names the host and the cause, never the query with the UserSig', async () => {
    const port = await closedPort();
    const client = createTencentClient({
      sdkAppId: 1400000000,
      identifier: 'administrator',
      secretKey: SECRET_KEY,
      baseUrl: `http://127.0.0.1:${port}`,
      retry: false,
    });
    const error = await client.call('live_config', 'get_callback').catch((failure: unknown) => failure);
    expect(NetworkError.isInstance(error)).toBe(true);
    const { message } = error as NetworkError;
    expect(message).toBe(
      `Network error calling live_config/get_callback at 127.0.0.1:${port}: TypeError: fetch failed (ECONNREFUSED 127.0.0.1:${port})`,
    );
    expect(message).not.toMatch(/usersig|sdkappid|\?/i);
  });
});
