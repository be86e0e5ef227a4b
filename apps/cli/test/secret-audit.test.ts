// The redaction audit must itself catch a leak, or every "no secret in any output" check would pass vacuously.
import { describe, expect, it } from 'vitest';
import { leaks, recordRun, registerSecret } from './support/secret-audit.js';
import { runCli } from './support/run-cli.js';

describe('the redaction audit', () => {
  it('flags a registered secret in a run that was not asked to print it, and allows it where it was', async () => {
    const secret = registerSecret('audit-probe-secret-value-0001');
    const allow = recordRun(['probe'], { stdout: `leaked ${secret}`, stderr: '' }, []);
    expect(leaks()).toEqual([{ args: 'probe', secret: 'audi…(29 chars)' }]);
    allow(secret);
    expect(leaks()).toEqual([]);
  });

  it('sees what the CLI prints: a secret echoed by --show-secrets is a leak unless allowed', async () => {
    const token = registerSecret('audit-probe-callback-token-0002');
    const result = await runCli(['callback', 'sign', '--time', '1700000000', '--json', '--show-secrets', '--token', token], {
      env: { TOKENWIRE_SDK_APP_ID: '1' },
    });
    // --token warns on stderr without echoing the token; the Sign is derived, not the token itself.
    expect(result.code).toBe(0);
    expect(leaks()).toEqual([]);
    const withEcho = recordRun(['echo'], { stdout: '', stderr: `bad token ${token}` }, []);
    expect(leaks()).toHaveLength(1);
    withEcho(token);
    expect(leaks()).toEqual([]);
  });
});
