import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// turbo 2 runs tasks in strict environment mode: a variable not named in turbo.json never reaches a task. The
// trust and cache settings of the machine (NODE_EXTRA_CA_CERTS for a TLS-intercepting proxy, DENO_DIR, proxies)
// must reach every test, or Deno fails on the registry only on a machine whose Deno cache is cold.
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

describe('turbo passes the machine’s trust, proxy and cache settings to every task', () => {
  it('NODE_EXTRA_CA_CERTS, DENO_DIR and HTTPS_PROXY reach a task started by turbo', () => {
    const expected = {
      NODE_EXTRA_CA_CERTS: '/tmp/tokenwire-probe/ca.pem',
      DENO_DIR: '/tmp/tokenwire-probe/deno',
      HTTPS_PROXY: 'http://127.0.0.1:9',
    };
    let output: string;
    try {
      output = execFileSync(
        process.execPath,
        [
          join(root, 'node_modules', 'turbo', 'bin', 'turbo'),
          'run',
          'print-child-env',
          '--filter=@tokenwire/tooling-tests',
          '--output-logs=full',
          '--log-prefix=none',
        ],
        {
          cwd: root,
          encoding: 'utf8',
          env: { ...process.env, ...expected, TURBO_TELEMETRY_DISABLED: '1' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
    } catch (error) {
      const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
      if (/find package manager binary/.test(`${stdout}${stderr}`))
        throw new Error('turbo needs pnpm on PATH: run this suite through pnpm (npx -y pnpm@10 test)');
      throw error;
    }
    const line = output.split('\n').find((text) => text.startsWith('child-env '));
    expect(line, output).toBeDefined();
    expect(JSON.parse(line!.slice('child-env '.length))).toEqual(expected);
  });
});
