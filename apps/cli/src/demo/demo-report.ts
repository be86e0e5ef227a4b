import type { Output } from '../output/output.js';
import { formatMilliseconds } from '../output/format.js';
import { describeError, type ErrorDescription } from '../output/report-error.js';

/** The outcome of one demo step, as `--json` reports it. */
export interface DemoStepResult {
  readonly number: number;
  readonly title: string;
  readonly ok: boolean;
  readonly durationMs: number;
  readonly details: readonly string[];
  readonly error?: ErrorDescription;
}

/** What a step's body gets: a way to add detail lines under the step. */
export interface DemoStep {
  /** Adds a line of detail (shown under the step; secrets already as `***`). */
  note(detail: string): void;
}

const TITLE_WIDTH = 66;

/**
 * Runs the demo's steps one after another and reports each: number, ✓/✗, title, duration, details. On a
 * terminal the running step is shown first and replaced when it ends. The first failing step ends the demo
 * (later steps build on it); its error is reported in place.
 */
export class DemoReport {
  readonly results: DemoStepResult[] = [];
  readonly #output: Output;
  readonly #total: number;

  constructor(output: Output, total: number) {
    this.#output = output;
    this.#total = total;
  }

  /** Whether every step so far succeeded. */
  get ok(): boolean {
    return this.results.every((result) => result.ok);
  }

  /** Runs one step; rethrows its error after reporting it. */
  async step<T>(title: string, body: (step: DemoStep) => Promise<T>): Promise<T> {
    const number = this.results.length + 1;
    const details: string[] = [];
    const style = this.#output.style;
    const label = `${String(number).padStart(String(this.#total).length)}. ${title}`;
    const live = this.#output.stdoutIsTerminal && !this.#output.json;
    if (live) this.#output.write(`  ${style.dim('…')}  ${label}${style.dim(' running')}`);
    const started = performance.now();
    try {
      const value = await body({ note: (detail) => details.push(detail) });
      this.#finish({ number, title, ok: true, durationMs: performance.now() - started, details }, label, live);
      return value;
    } catch (error) {
      this.#finish(
        { number, title, ok: false, durationMs: performance.now() - started, details, error: describeError(error) },
        label,
        live,
      );
      throw error;
    }
  }

  #finish(result: DemoStepResult, label: string, live: boolean): void {
    this.results.push({ ...result, durationMs: Math.round(result.durationMs * 100) / 100 });
    const style = this.#output.style;
    if (live) this.#output.write('\r\u001b[2K');
    const mark = result.ok ? style.green('✓') : style.red('✗');
    const padded = label.length >= TITLE_WIDTH ? label : `${label} ${style.dim('·'.repeat(TITLE_WIDTH - label.length - 1))}`;
    this.#output.line(
      `  ${mark}  ${result.ok ? padded : style.red(padded)} ${style.dim(formatMilliseconds(result.durationMs).padStart(8))}`,
    );
    const indent = ' '.repeat(String(this.#total).length + 7);
    for (const detail of result.details) this.#output.line(`${indent}${style.dim(detail)}`);
    if (result.error !== undefined) this.#output.line(`${indent}${style.red(`${result.error.name}: ${result.error.message}`)}`);
  }
}
