import { chmod, open, stat, unlink, writeFile } from 'node:fs/promises';
import { UsageError } from '../usage-error.js';
import { expandPath } from './read-text-input.js';

/** A file checked (and created if missing) before a secret exists, so the secret can always be written. */
export interface ReservedSecretFile {
  /** The absolute path. */
  readonly path: string;
  /** Writes the secret (mode 0600 for a regular file). Throws the file system's error. */
  write(secret: string): Promise<void>;
  /** Gives the file up without writing: removes it when the reservation created it. */
  release(): Promise<void>;
}

function errorCode(error: unknown, fallback: string): string {
  return (error as { code?: string }).code ?? fallback;
}

/**
 * Makes sure a secret can be written to `path` before the secret is created on a server: opens the file for
 * writing (creating it empty with mode 0600 when missing, leaving an existing one as it is). A path that cannot
 * be written is a usage error, raised while nothing has been sent yet.
 */
export async function reserveSecretFile(path: string): Promise<ReservedSecretFile> {
  const target = expandPath(path);
  let created = false;
  try {
    const handle = await open(target, 'wx', 0o600).then(
      (file) => {
        created = true;
        return file;
      },
      (error: unknown) => {
        if (errorCode(error, '') !== 'EEXIST') throw error;
        return open(target, 'r+');
      },
    );
    await handle.close();
  } catch (error) {
    throw new UsageError(`cannot write ${target} (${errorCode(error, 'unwritable')})`);
  }
  return {
    path: target,
    async write(secret) {
      // Owner-only before the secret goes in; a device or pipe (/dev/stdout, a process substitution) keeps its mode.
      if ((await stat(target)).isFile()) await chmod(target, 0o600);
      await writeFile(target, `${secret}\n`, { mode: 0o600 });
    },
    async release() {
      if (created) await unlink(target).catch(() => undefined);
    },
  };
}

/**
 * Writes a secret (a generated token) to a file readable only by its owner (mode 0600), so it can be kept
 * without ever being printed. Returns the absolute path.
 */
export async function saveSecretFile(path: string, secret: string): Promise<string> {
  const file = await reserveSecretFile(path);
  try {
    await file.write(secret);
  } catch (error) {
    throw new UsageError(`cannot write ${file.path} (${errorCode(error, 'unwritable')})`);
  }
  return file.path;
}
