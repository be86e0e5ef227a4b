/// <reference types="node" />
// The emulator's callback samples against the conformance corpus (tests/conformance/corpus/tencent): every
// vendor sample collected there must be one of the documented dialects `callbackSample` renders, byte for byte up
// to whitespace and key order. A sample that matches none is a shape the emulator does not speak yet.
import { describe, expect, it } from 'vitest';
import { samples } from '../../../../tests/conformance/test/support/corpus.js';
import { CALLBACK_SAMPLE_DIALECTS, callbackSample } from './callback-sample.js';

// The conformance suite's own reader of the corpus (every callback sample with a JSON text, and its doc page).
const entries = samples('tencent', 'callback').filter((entry) => typeof entry.command === 'string');

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
    (_file, entry) => {
      const sample = canonical(entry.json);
      const matches = rendered.filter((candidate) => candidate.body === sample).map((candidate) => candidate.dialect);
      expect(
        matches.map((dialect) => dialect.id),
        `no dialect renders the sample of ${entry.page.url}`,
      ).not.toEqual([]);
      expect(matches.map((dialect) => dialect.command)).toEqual(matches.map(() => entry.command));
    },
  );
});
