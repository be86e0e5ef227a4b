// Reads the conformance corpus: the vendors' own published examples, one file each, listed with their doc page and
// date in `corpus/<vendor>/index.json`. A sample that is not JSON as published (a comment, a missing comma) is kept
// as `.txt` byte for byte, beside a `.json` with the smallest edit that makes it JSON (`normalisedFile`, `edits`).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the corpus lives. */
export const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'corpus');

/** The doc page a sample comes from. */
export interface SamplePage {
  readonly url: string;
  readonly title?: string | null;
  readonly updated?: string | null;
  readonly [key: string]: unknown;
}

/** One entry of a vendor's `index.json`. */
export interface CorpusEntry {
  /** The sample as published; `null` when the page's sample could not be had whole (listed, not tested). */
  readonly file: string | null;
  /** The same sample with the smallest edit that makes it JSON, when it is not JSON as published. */
  readonly normalisedFile?: string | null;
  readonly kind: string;
  readonly command?: string;
  readonly api?: string;
  readonly method?: string;
  readonly path?: string;
  readonly page: SamplePage;
  readonly edits?: string | null;
  readonly notes?: string | null;
  readonly [key: string]: unknown;
}

/** A corpus entry with its sample loaded. */
export interface Sample extends CorpusEntry {
  readonly file: string;
  /** The JSON text the tests use: the published text, or its normalised sibling. */
  readonly text: string;
  /** `text`, parsed. */
  readonly json: unknown;
  /** A short label naming the page: `tencentcloud.com 647/64422 zh, 2026-04-09`. */
  readonly label: string;
}

function pageLabel(page: SamplePage): string {
  const host = new URL(page.url).host.replace(/^www\./, '');
  const id =
    typeof page['docId'] === 'string'
      ? [page['product'], page['docId']].filter(Boolean).join('/')
      : [page['docSet'], page['pageId']].filter(Boolean).join('/');
  const language = typeof page['language'] === 'string' ? ` ${page['language']}` : '';
  const updated = typeof page.updated === 'string' ? `, ${page.updated.slice(0, 10)}` : '';
  return `${host} ${id || new URL(page.url).pathname}${language}${updated}`;
}

/** Every entry of `corpus/<vendor>/index.json`, the ones without a file included. */
export function corpusEntries(vendor: 'tencent' | 'aicc'): readonly CorpusEntry[] {
  return JSON.parse(readFileSync(join(CORPUS_DIR, vendor, 'index.json'), 'utf8')) as CorpusEntry[];
}

/** The raw bytes of a corpus file, as published. */
export function corpusFile(vendor: 'tencent' | 'aicc', file: string): string {
  return readFileSync(join(CORPUS_DIR, vendor, file), 'utf8');
}

/** The samples of `vendor` that have a file, loaded and parsed; `kind` filters. */
export function samples(vendor: 'tencent' | 'aicc', kind?: string): readonly Sample[] {
  return (
    corpusEntries(vendor)
      // Listed but not run: no whole sample, or one that no small edit makes JSON (its notes say why).
      .filter(
        (entry): entry is CorpusEntry & { file: string } =>
          entry.file !== null && (entry.file.endsWith('.json') || Boolean(entry.normalisedFile)),
      )
      .filter((entry) => kind === undefined || entry.kind === kind)
      .map((entry) => {
        const text = corpusFile(vendor, entry.normalisedFile ?? entry.file);
        return { ...entry, text, json: JSON.parse(text) as unknown, label: `${entry.file} — ${pageLabel(entry.page)}` };
      })
  );
}
