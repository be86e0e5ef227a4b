/// <reference types="node" />
// The emulator's callback samples against the conformance corpus (tests/conformance/corpus/tencent): every
// vendor sample collected there must be one of the documented dialects `callbackSample` renders, byte for byte up
// to whitespace and key order. A sample that matches none is a shape the emulator does not speak yet.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CALLBACK_SAMPLE_DIALECTS, callbackSample } from './callback-sample.js';

const CORPUS = new URL('../../../../tests/conformance/corpus/tencent/', import.meta.url);

interface CorpusEntry {
  readonly file: string | null;
  readonly normalisedFile?: string;
  readonly kind: string;
  readonly command: string | null;
  readonly page: { readonly url: string; readonly updated: string | null };
}

const entries = (JSON.parse(readFileSync(new URL('index.json', CORPUS), 'utf8')) as CorpusEntry[]).filter(
  (entry): entry is CorpusEntry & { file: string; command: string } =>
    entry.kind === 'callback' && entry.file !== null && entry.command !== null,
);

/** JSON text with object keys sorted, so key order and whitespace do not count. */
function canonical(value: unknown): string {
  const sort = (item: unknown): unknown =>
    Array.isArray(item)
      ? item.map(sort)
      : typeof item === 'object' && item !== null
        ? Object.fromEntries(
            Object.keys(item)
              .sort()
              .map((key) => [key, sort((item as Record<string, unknown>)[key])]),
          )
        : item;
  return JSON.stringify(sort(value));
}

const rendered = CALLBACK_SAMPLE_DIALECTS.map((dialect) => ({
  dialect,
  body: canonical(JSON.parse(callbackSample(dialect.command, { dialect: dialect.id }).body)),
}));

describe('the conformance corpus', () => {
  it('has callback samples to check', () => {
    expect(entries.length).toBeGreaterThan(20);
  });

  it.each(entries.map((entry) => [entry.normalisedFile ?? entry.file, entry] as const))(
    '%s is a dialect callbackSample renders',
    (file, entry) => {
      const sample = canonical(JSON.parse(readFileSync(new URL(file, CORPUS), 'utf8')));
      const matches = rendered.filter((candidate) => candidate.body === sample).map((candidate) => candidate.dialect);
      expect(
        matches.map((dialect) => dialect.id),
        `no dialect renders the sample of ${entry.page.url}`,
      ).not.toEqual([]);
      expect(matches.map((dialect) => dialect.command)).toEqual(matches.map(() => entry.command));
    },
  );
});
