import { constants, type FileHandle, lstat, open, unlink } from 'node:fs/promises';
import { UsageError } from '../usage-error.js';
import { expandPath } from './read-text-input.js';

/** A file checked (and created if missing) before a secret exists, so the secret can always be written. */
export interface ReservedSecretFile {
  /** The absolute path. */
  readonly path: string;
  /** Writes the secret (mode 0600 for a regular file) through the file opened at reservation. Throws the file system's error. */
  write(secret: string): Promise<void>;
  /** Gives the file up without writing: removes it when the reservation created it. */
  release(): Promise<void>;
}

function errorCode(error: unknown, fallback: string): string {
  return (error as { code?: string }).code ?? fallback;
}

/** What `open` reports for a symbolic link under `O_NOFOLLOW`: ELOOP (Linux, macOS), EMLINK (FreeBSD), EFTYPE (NetBSD). */
const SYMLINK_REFUSED = new Set(['ELOOP', 'EMLINK', 'EFTYPE']);

/** Refused without touching the target: what the symbolic link points to. */
function symlinkRefused(target: string): UsageError {
  return new UsageError(
    `refusing to write ${target}: it is a symbolic link to a file (a link planted there could make the CLI overwrite and chmod any file you can write); give the real path`,
  );
}

/**
 * Opens `target` for writing without following a symbolic link to a file: creates it (mode 0600, exclusively:
 * a link already there makes this fail) or opens the existing file with `O_NOFOLLOW`. A link to a device or a
 * pipe (`/dev/stdout`, a shell's `>(…)`) is followed, since writing there overwrites no file; a link to a file
 * or a directory is refused. Where `O_NOFOLLOW` is unknown (Windows), `lstat` checks the path first.
 */
async function openForSecret(target: string): Promise<{ handle: FileHandle; created: boolean }> {
  const noFollow = constants.O_NOFOLLOW ?? 0;
  try {
    const handle = await open(target, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | noFollow, 0o600);
    return { handle, created: true };
  } catch (error) {
    if (errorCode(error, '') !== 'EEXIST') throw error;
  }
  if (noFollow === 0 && (await lstat(target)).isSymbolicLink()) throw symlinkRefused(target);
  let handle: FileHandle;
  try {
    handle = await open(target, constants.O_WRONLY | noFollow);
  } catch (error) {
    if (!SYMLINK_REFUSED.has(errorCode(error, ''))) throw error;
    handle = await open(target, constants.O_WRONLY);
    const kind = await handle.stat();
    if (kind.isFile() || kind.isDirectory()) {
      await handle.close();
      throw symlinkRefused(target);
    }
  }
  return { handle, created: false };
}

/**
 * Makes sure a secret can be written to `path` before the secret is created on a server: opens the file for
 * writing (creating it empty with mode 0600 when missing, leaving an existing one as it is until the write) and
 * keeps it open, so what is written later is the file checked now. A symbolic link to a file is refused. A path
 * that cannot be written is a usage error, raised while nothing has been sent yet.
 */
export async function reserveSecretFile(path: string): Promise<ReservedSecretFile> {
  const target = expandPath(path);
  let opened: { handle: FileHandle; created: boolean };
  try {
    opened = await openForSecret(target);
  } catch (error) {
    if (UsageError.isInstance(error)) throw error;
    throw new UsageError(`cannot write ${target} (${errorCode(error, 'unwritable')})`);
  }
  const { handle, created } = opened;
  return {
    path: target,
    async write(secret) {
      try {
        // A regular file becomes owner-only before the secret goes in, and loses what it held; a device or a
        // pipe keeps its mode.
        if ((await handle.stat()).isFile()) {
          await handle.chmod(0o600);
          await handle.truncate(0);
        }
        await handle.writeFile(`${secret}\n`);
      } finally {
        await handle.close();
      }
    },
    async release() {
      await handle.close().catch(() => undefined);
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
