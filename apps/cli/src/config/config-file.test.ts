import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryDirectory } from '../../test/support/temporary-directory.js';
import { loadProfile } from './config-file.js';

const INLINE_KEY = 'inline-secret-key-value';

/** A configuration home holding `profiles`, its config.json at `mode`. */
function configHome(profiles: Record<string, Record<string, unknown>>, mode: number): Record<string, string> {
  const home = temporaryDirectory('config-file');
  mkdirSync(join(home, 'tokenwire'));
  const path = join(home, 'tokenwire', 'config.json');
  writeFileSync(path, JSON.stringify({ profiles }));
  chmodSync(path, mode);
  return { XDG_CONFIG_HOME: home };
}

async function warningsOf(env: Record<string, string>, requested?: string): Promise<string[]> {
  const warnings: string[] = [];
  await loadProfile(env, requested, (text) => warnings.push(text));
  return warnings;
}

describe.skipIf(process.platform === 'win32')('loadProfile: inline secrets in a file others can read', () => {
  it('warns when the file holds an inline secret and its group or others may read it, naming settings but no values', async () => {
    const env = configHome({ default: { sdkAppId: 1 }, ci: { secretKey: INLINE_KEY, callbackTokenFile: 'token.txt' } }, 0o644);
    const warnings = await warningsOf(env);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /config\.json holds secrets inline \(profile "ci": secretKey\) and is readable by other users \(mode 644\): run chmod 600 on it/,
    );
    expect(warnings[0]).not.toContain(INLINE_KEY);
    const groupOnly = await warningsOf(configHome({ default: { aiccAppSecret: INLINE_KEY } }, 0o640));
    expect(groupOnly[0]).toMatch(/readable by its group \(mode 640\)/);
  });

  it('says nothing for an owner-only file, or for a readable one whose secrets are all in files', async () => {
    expect(await warningsOf(configHome({ default: { secretKey: INLINE_KEY } }, 0o600))).toEqual([]);
    expect(await warningsOf(configHome({ default: { secretKeyFile: 'key.txt', sdkAppId: 1 } }, 0o644))).toEqual([]);
  });
});
