// What npm shows for each published package: where its source lives (repository with the package's directory),
// its homepage and where to report bugs — one repository URL for all of them — and a README that links the
// examples, the edge worker and the API reference and says how Deno imports it (npm: today, jsr: once published).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repository = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const REPOSITORY_URL = 'https://github.com/tokenwire/tokenwire';

/** Every published package, by its directory in the repository. */
const PUBLISHED = ['packages/core', 'packages/live-config', 'packages/aicc-messaging', 'packages/emulator', 'apps/cli'] as const;
const LIBRARIES = PUBLISHED.filter((directory) => directory.startsWith('packages/'));

const manifest = (directory: string) =>
  JSON.parse(readFileSync(join(repository, directory, 'package.json'), 'utf8')) as Record<string, unknown> & { name: string };

describe.each(PUBLISHED)('%s/package.json', (directory) => {
  it('names the repository with its directory, a homepage and where to report bugs', () => {
    const fields = manifest(directory);
    expect(fields['private']).toBeUndefined();
    expect(fields['repository']).toEqual({ type: 'git', url: `git+${REPOSITORY_URL}.git`, directory });
    expect(fields['homepage']).toBe(`${REPOSITORY_URL}/tree/main/${directory}#readme`);
    expect(fields['bugs']).toEqual({ url: `${REPOSITORY_URL}/issues` });
  });
});

describe.each(LIBRARIES)('%s/README.md', (directory) => {
  const { name } = manifest(directory);
  const readme = readFileSync(join(repository, directory, 'README.md'), 'utf8');

  it('says how Deno imports it: npm: today, jsr: once published', () => {
    expect(readme).toMatch(new RegExp(`from 'npm:${name}'`));
    expect(readme).toContain(`jsr:${name}`);
  });

  it('links the examples, the edge worker, the API reference and the repository', () => {
    expect(readme).toContain(`](${REPOSITORY_URL}/tree/main/examples)`);
    expect(readme).toContain(`](${REPOSITORY_URL}/tree/main/apps/edge-worker)`);
    expect(readme).toContain(`](https://jsr.io/${name}/doc)`);
    expect(readme).toContain(`](${REPOSITORY_URL}/issues)`);
  });
});

describe('the changesets fixed group', () => {
  it('releases the four packages and the CLI together', () => {
    const config = JSON.parse(readFileSync(join(repository, '.changeset', 'config.json'), 'utf8')) as { fixed: string[][] };
    expect(config.fixed).toEqual([PUBLISHED.map((directory) => manifest(directory).name)]);
  });
});
