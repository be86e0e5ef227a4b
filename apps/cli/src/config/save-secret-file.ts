import { chmod, writeFile } from 'node:fs/promises';
import { UsageError } from '../usage-error.js';
import { expandPath } from './read-text-input.js';

/**
 * Writes a secret (a generated token) to a file readable only by its owner (mode 0600), so it can be kept
 * without ever being printed. Returns the absolute path.
 */
export async function saveSecretFile(path: string, secret: string): Promise<string> {
  const target = expandPath(path);
  try {
    await writeFile(target, `${secret}\n`, { mode: 0o600 });
    await chmod(target, 0o600);
  } catch (error) {
    throw new UsageError(`cannot write ${target} (${(error as { code?: string }).code ?? 'unwritable'})`);
  }
  return target;
}
