import { chmodSync, existsSync, lstatSync, readFileSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { temporaryDirectory } from '../../test/support/temporary-directory.js';
import { UsageError } from '../usage-error.js';
import { reserveSecretFile, saveSecretFile } from './save-secret-file.js';

const directory = temporaryDirectory('save-secret');
let files = 0;
const fresh = (name: string) => join(directory, `${++files}-${name}`);
const modeOf = (path: string) => statSync(path).mode & 0o777;

/** A file someone cares about, which a link planted at the secret's path points to. */
function victim(): string {
  const path = fresh('victim');
  writeFileSync(path, 'precious\n');
  chmodSync(path, 0o644);
  return path;
}

async function refusal(run: () => Promise<unknown>): Promise<UsageError> {
  try {
    await run();
  } catch (error) {
    if (UsageError.isInstance(error)) return error;
    throw error;
  }
  return expect.fail('expected a UsageError');
}

describe.skipIf(process.platform === 'win32')('saveSecretFile and reserveSecretFile', () => {
  it('creates a missing file with mode 0600', async () => {
    const path = fresh('token.txt');
    expect(await saveSecretFile(path, 's3cret')).toBe(path);
    expect(readFileSync(path, 'utf8')).toBe('s3cret\n');
    expect(modeOf(path)).toBe(0o600);
  });

  it('replaces an existing regular file whole and makes it owner-only', async () => {
    const path = fresh('existing.txt');
    writeFileSync(path, 'a much longer previous content that must not survive\n');
    chmodSync(path, 0o644);
    await saveSecretFile(path, 'new');
    expect(readFileSync(path, 'utf8')).toBe('new\n');
    expect(modeOf(path)).toBe(0o600);
  });

  it('refuses a symbolic link to a file, and leaves the file as it was', async () => {
    const target = victim();
    const link = fresh('link.txt');
    symlinkSync(target, link);
    for (const run of [() => saveSecretFile(link, 's3cret'), () => reserveSecretFile(link)]) {
      expect((await refusal(run)).message).toMatch(/refusing to write .*link\.txt: it is a symbolic link to a file/);
    }
    expect(readFileSync(target, 'utf8')).toBe('precious\n');
    expect(modeOf(target)).toBe(0o644);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('refuses a dangling symbolic link without creating what it points to', async () => {
    const missing = fresh('not-there');
    const link = fresh('dangling.txt');
    symlinkSync(missing, link);
    expect((await refusal(() => saveSecretFile(link, 's3cret'))).message).toMatch(/cannot write .*dangling\.txt \(ENOENT\)/);
    expect(existsSync(missing)).toBe(false);
  });

  it.skipIf(!existsSync('/dev/null'))('follows a symbolic link to a device, like /dev/stdout or a shell’s >(…)', async () => {
    const link = fresh('to-device');
    symlinkSync('/dev/null', link);
    await saveSecretFile(link, 's3cret');
    expect(modeOf('/dev/null')).toBe(0o666);
  });

  it('writes to the file it checked, even when the path is swapped for a link before the write', async () => {
    const target = victim();
    const path = fresh('swapped.txt');
    const file = await reserveSecretFile(path);
    unlinkSync(path);
    symlinkSync(target, path);
    await file.write('s3cret');
    expect(readFileSync(target, 'utf8')).toBe('precious\n');
    expect(modeOf(target)).toBe(0o644);
  });

  it('removes a file it created when the reservation is given up, and keeps one that existed', async () => {
    const created = fresh('created.txt');
    await (await reserveSecretFile(created)).release();
    expect(existsSync(created)).toBe(false);
    const existing = fresh('kept.txt');
    writeFileSync(existing, 'old\n');
    await (await reserveSecretFile(existing)).release();
    expect(readFileSync(existing, 'utf8')).toBe('old\n');
  });

  it('reports an unwritable path as a usage error with the system code', async () => {
    expect((await refusal(() => reserveSecretFile(join(directory, 'no-such-directory', 'x')))).message).toMatch(/\(ENOENT\)$/);
  });
});
