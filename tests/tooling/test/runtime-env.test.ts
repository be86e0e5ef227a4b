import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runtimeBinary } from '../../../scripts/runtime-binary.mjs';
import { certificateTrust, isNetworkFailure, retryOnNetworkFailure, runtimeEnvironment } from '../../../scripts/runtime-env.mjs';

// Deno's own words when a TLS-intercepting proxy's CA is not trusted (seen on a fresh clone here).
const DENO_UNTRUSTED =
  "error: Import 'https://registry.npmjs.org/valibot' failed.\n    0: error sending request for url (https://registry.npmjs.org/valibot): " +
  'client error (Connect): invalid peer certificate: UnknownIssuer';

describe('certificateTrust and runtimeEnvironment', () => {
  it("hands Node's extra CA bundle to Deno (DENO_CERT) and Bun (NODE_EXTRA_CA_CERTS)", () => {
    expect(certificateTrust({ NODE_EXTRA_CA_CERTS: '/ca.pem' })).toEqual({ DENO_CERT: '/ca.pem', NODE_EXTRA_CA_CERTS: '/ca.pem' });
  });

  it('keeps a DENO_CERT the parent set itself, and adds nothing when the parent trusts nothing extra', () => {
    expect(certificateTrust({ NODE_EXTRA_CA_CERTS: '/ca.pem', DENO_CERT: '/deno.pem' })).toEqual({
      DENO_CERT: '/deno.pem',
      NODE_EXTRA_CA_CERTS: '/ca.pem',
    });
    expect(certificateTrust({})).toEqual({});
    expect(certificateTrust({ NODE_EXTRA_CA_CERTS: '' })).toEqual({});
  });

  it('quiets the runtimes, keeps the parent environment and lets overrides win', () => {
    const env = runtimeEnvironment({ PORT: '0', NO_COLOR: '0' }, { PATH: '/bin', NODE_EXTRA_CA_CERTS: '/ca.pem' });
    expect(env).toEqual({
      PATH: '/bin',
      NODE_EXTRA_CA_CERTS: '/ca.pem',
      DENO_CERT: '/ca.pem',
      DENO_NO_UPDATE_CHECK: '1',
      DENO_NO_PROMPT: '1',
      NO_COLOR: '0',
      PORT: '0',
    });
  });
});

describe('isNetworkFailure and retryOnNetworkFailure', () => {
  it("tells the network's failures from the package's", () => {
    expect(isNetworkFailure(DENO_UNTRUSTED)).toBe(true);
    expect(isNetworkFailure('error sending request for url (https://jsr.io/@std/meta.json): dns error: failed to lookup address')).toBe(
      true,
    );
    expect(isNetworkFailure("error: TS2322 [ERROR]: Type 'string' is not assignable to type 'number'.")).toBe(false);
    expect(isNetworkFailure('error: Failed to publish @tokenwire/core: missing explicit return type in the public API')).toBe(false);
  });

  it('tries a network failure once more and succeeds quietly when the second attempt passes', async () => {
    const outputs = [
      { ok: false, output: DENO_UNTRUSTED },
      { ok: true, output: 'Success' },
    ];
    let calls = 0;
    const result = await retryOnNetworkFailure(() => outputs[calls++]!, 'deno publish --dry-run');
    expect(calls).toBe(2);
    expect(result).toEqual({ ok: true, output: 'Success', networkFailure: false, explanation: undefined });
  });

  it('says plainly that the network failed, not the package, when both attempts fail on it', async () => {
    let calls = 0;
    const result = await retryOnNetworkFailure(() => {
      calls++;
      return { ok: false, output: DENO_UNTRUSTED };
    }, 'deno publish --dry-run of @tokenwire/core');
    expect(calls).toBe(2);
    expect(result.networkFailure).toBe(true);
    expect(result.explanation).toMatch(/^deno publish --dry-run of @tokenwire\/core failed twice on the network, not on the package/);
    expect(result.explanation).toContain('NODE_EXTRA_CA_CERTS');
  });

  it('does not retry a failure of the package itself', async () => {
    let calls = 0;
    const result = await retryOnNetworkFailure(() => {
      calls++;
      return { ok: false, output: 'error: TS2322' };
    }, 'deno check');
    expect(calls).toBe(1);
    expect(result).toMatchObject({ ok: false, networkFailure: false, explanation: undefined });
  });
});

// A private CA and an https server on 127.0.0.1 signed by it stand in for a TLS-intercepting proxy: Deno and Bun
// started with only certificateTrust() of a parent whose NODE_EXTRA_CA_CERTS names that CA must reach it.
describe('Deno and Bun children trust the CA Node was given', () => {
  let scratch: string;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    scratch = mkdtempSync(join(tmpdir(), 'tokenwire-runtime-env-'));
    const file = (name: string) => join(scratch, name);
    const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: scratch, stdio: 'pipe' });
    openssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=tokenwire test CA',
      '-keyout',
      file('ca.key'),
      '-out',
      file('ca.pem'),
    );
    openssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-keyout', file('server.key'), '-out', file('server.csr'));
    writeFileSync(file('san.cnf'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
    openssl(
      'x509',
      '-req',
      '-in',
      file('server.csr'),
      '-CA',
      file('ca.pem'),
      '-CAkey',
      file('ca.key'),
      '-CAcreateserial',
      '-days',
      '2',
      '-extfile',
      file('san.cnf'),
      '-out',
      file('server.pem'),
    );
    server = createServer({ key: readFileSync(file('server.key')), cert: readFileSync(file('server.pem')) }, (_request, response) => {
      response.end('trusted');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    rmSync(scratch, { recursive: true, force: true });
  });

  /** Runs a fetch of the test server in `runtime` with a minimal environment plus `extra`; its combined output. */
  function fetchWith(runtime: 'deno' | 'bun', extra: Record<string, string>): Promise<{ ok: boolean; output: string }> {
    const script = `try { const r = await fetch(${JSON.stringify(url)}); console.log('status', r.status, await r.text()); } catch (e) { console.log('failed', String(e), String(e?.cause ?? '')); }`;
    const args = runtime === 'deno' ? ['eval', script] : ['-e', script];
    const env = {
      PATH: process.env['PATH'] ?? '',
      HOME: scratch,
      DENO_DIR: join(scratch, 'deno-dir'),
      DENO_NO_UPDATE_CHECK: '1',
      ...extra,
    };
    return new Promise((resolve, reject) => {
      const child = spawn(runtimeBinary(runtime), args, { cwd: scratch, env });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      child.on('error', reject);
      child.on('close', () => resolve({ ok: output.includes('status 200 trusted'), output }));
    });
  }

  for (const runtime of ['deno', 'bun'] as const) {
    it(`${runtime}: refused without the trust variables, reached with them`, async () => {
      const untrusted = await fetchWith(runtime, {});
      expect(untrusted.ok, untrusted.output).toBe(false);
      expect(isNetworkFailure(untrusted.output), untrusted.output).toBe(true);
      const trusted = await fetchWith(runtime, certificateTrust({ NODE_EXTRA_CA_CERTS: join(scratch, 'ca.pem') }));
      expect(trusted.ok, trusted.output).toBe(true);
    });
  }
});
