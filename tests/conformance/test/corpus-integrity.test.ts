import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, corpusEntries, corpusFile } from './support/corpus.js';

// The corpus is the spec: every sample names its page, every file is listed, and what is not JSON as published has
// a normalised sibling that is.
describe.each(['tencent', 'aicc'] as const)('the %s corpus', (vendor) => {
  const entries = corpusEntries(vendor);
  const listed = new Set(
    entries.flatMap((entry) => [entry.file, entry.normalisedFile]).filter((file): file is string => typeof file === 'string'),
  );

  it('has samples of every kind it is meant to hold', () => {
    const kinds = new Set(entries.filter((entry) => entry.file !== null).map((entry) => entry.kind));
    const expected = vendor === 'tencent' ? ['callback', 'answer', 'request', 'response'] : ['request', 'response'];
    for (const kind of expected) expect(kinds, kind).toContain(kind);
  });

  it('names the doc page of every sample', () => {
    for (const entry of entries) {
      expect(() => new URL(entry.page.url), JSON.stringify(entry)).not.toThrow();
      expect(entry.kind, entry.page.url).toMatch(/^[a-z]+$/);
    }
  });

  it('lists every file it holds, and holds every file it lists', () => {
    const files = readdirSync(join(CORPUS_DIR, vendor)).filter(
      (file) => (file !== 'index.json' && file.endsWith('.json')) || file.endsWith('.txt'),
    );
    const held = files.filter((file) => !/^(commands|fields)\.json$/.test(file));
    for (const file of held) expect(listed, `${file} is not in index.json`).toContain(file);
    for (const file of listed) expect(existsSync(join(CORPUS_DIR, vendor, file)), `${file} is listed but missing`).toBe(true);
  });

  it('keeps samples that are not JSON as published beside a normalised copy that is, with the edit said', () => {
    for (const entry of entries) {
      if (entry.file === null) continue;
      const published = corpusFile(vendor, entry.file);
      if (entry.file.endsWith('.txt')) {
        // Not JSON as published: a normalised copy with the edit said, or (where no small edit makes it JSON, e.g.
        // a placeholder `{ "XXX…" }`) a note saying why it is listed but not run.
        if (entry.normalisedFile) {
          expect(entry.normalisedFile, entry.file).toMatch(/\.json$/);
          expect(entry.edits, `${entry.file}: say what the normalisation changed`).toEqual(expect.any(String));
          expect(() => JSON.parse(corpusFile(vendor, entry.normalisedFile as string)), entry.normalisedFile as string).not.toThrow();
        } else {
          expect(entry.notes, `${entry.file}: say why it has no normalised copy`).toEqual(expect.any(String));
        }
      } else {
        expect(() => JSON.parse(published), entry.file).not.toThrow();
      }
    }
  });
});
