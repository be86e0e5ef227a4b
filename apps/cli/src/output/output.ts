import type { SecretRegistry } from '../config/secret-registry.js';
import { colourEnabled, createStyle, type MaybeTerminal, type Style } from './style.js';

/** A writable text stream: `process.stdout` / `process.stderr` on Node, Bun and Deno. */
export interface TextStream extends MaybeTerminal {
  write(text: string, callback?: (error?: Error | null) => void): boolean;
}

/** Options of {@link Output.result} and {@link Output.writeJson}. */
export interface ResultOptions {
  /**
   * The values the command was asked to print (a signed UserSig, a callback signature): printed as they are,
   * never passed through the redactor, which could shred them where they happen to contain a short secret.
   */
  readonly verbatim?: readonly string[];
}

/** Options of {@link Output}. */
export interface OutputOptions {
  readonly stdout: TextStream;
  readonly stderr: TextStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `--json`: stdout carries exactly one JSON object and nothing else. */
  readonly json: boolean;
  /** `--show-secrets`: print secrets instead of `***`. */
  readonly showSecrets: boolean;
  readonly secrets: SecretRegistry;
}

/**
 * Everything the CLI prints goes through here. In JSON mode stdout receives exactly one JSON object (the
 * result, or the error), and human text goes nowhere or to stderr; otherwise results are human text on stdout.
 * Diagnostics (warnings, errors) always go to stderr. Unless `--show-secrets`, every human line and every string
 * value of the JSON object is passed through the secret registry first, so no secret is ever printed; only the
 * value a command was asked to print (`verbatim`: the UserSig of `usersig sign`) is left as it is. Colour only on
 * a terminal and never with `NO_COLOR`.
 */
export class Output {
  readonly json: boolean;
  readonly showSecrets: boolean;
  /** Styling for stdout. */
  readonly style: Style;
  /** Styling for stderr. */
  readonly errorStyle: Style;
  readonly #stdout: TextStream;
  readonly #stderr: TextStream;
  readonly #secrets: SecretRegistry;
  #jsonWritten = false;

  constructor(options: OutputOptions) {
    this.json = options.json;
    this.showSecrets = options.showSecrets;
    this.#stdout = options.stdout;
    this.#stderr = options.stderr;
    this.#secrets = options.secrets;
    this.style = createStyle(colourEnabled(options.stdout, options.env));
    this.errorStyle = createStyle(colourEnabled(options.stderr, options.env));
  }

  /** Whether stdout / stderr is a terminal. */
  get stdoutIsTerminal(): boolean {
    return this.#stdout.isTTY === true;
  }

  get stderrIsTerminal(): boolean {
    return this.#stderr.isTTY === true;
  }

  /** Whether the one JSON object has been written already. */
  get jsonWritten(): boolean {
    return this.#jsonWritten;
  }

  /** Redacts secrets from text, unless `--show-secrets`; occurrences of the `verbatim` values stay as they are. */
  redact(text: string, verbatim: readonly string[] = []): string {
    if (this.showSecrets) return text;
    const kept = verbatim.filter((value) => value !== '');
    let result = '';
    let from = 0;
    for (;;) {
      let at = -1;
      let value = '';
      for (const candidate of kept) {
        const found = text.indexOf(candidate, from);
        if (found !== -1 && (at === -1 || found < at)) [at, value] = [found, candidate];
      }
      if (at === -1) return result + this.#secrets.redact(text.slice(from));
      result += this.#secrets.redact(text.slice(from, at)) + value;
      from = at + value.length;
    }
  }

  /** Human text on stdout (ignored in JSON mode, where stdout is reserved for the JSON object). */
  line(text = '', options: ResultOptions = {}): void {
    if (this.json) return;
    this.#stdout.write(`${this.redact(text, options.verbatim)}\n`);
  }

  /** Raw text on stdout without a newline (progress updates); ignored in JSON mode. */
  write(text: string): void {
    if (this.json) return;
    this.#stdout.write(this.redact(text));
  }

  /** A diagnostic on stderr, in every mode. */
  error(text: string): void {
    this.#stderr.write(`${this.redact(text)}\n`);
  }

  /** Raw text on stderr without a newline (spinner frames). */
  writeError(text: string): void {
    this.#stderr.write(this.redact(text));
  }

  /** A warning on stderr, in every mode. */
  warn(text: string): void {
    this.error(`${this.errorStyle.yellow('warning:')} ${text}`);
  }

  /**
   * The result of the command: in JSON mode, `data` as the one JSON object on stdout; otherwise the human
   * rendering on stdout.
   */
  result(data: Readonly<Record<string, unknown>>, human: (style: Style) => string | readonly string[], options: ResultOptions = {}): void {
    if (this.json) {
      this.writeJson(data, options);
      return;
    }
    const rendered = human(this.style);
    for (const text of typeof rendered === 'string' ? [rendered] : rendered) this.line(text, options);
  }

  /**
   * Writes the one JSON object of JSON mode (once; later calls are ignored so stdout stays one object). Secrets
   * are redacted inside its string values, so numbers, keys and the structure stay intact.
   */
  writeJson(data: Readonly<Record<string, unknown>>, options: ResultOptions = {}): void {
    if (this.#jsonWritten) return;
    this.#jsonWritten = true;
    const verbatim = options.verbatim ?? [];
    const redactValue = (_key: string, value: unknown): unknown =>
      typeof value !== 'string' || verbatim.includes(value) ? value : this.redact(value);
    this.#stdout.write(`${JSON.stringify(data, redactValue)}\n`);
  }

  /** Resolves once everything written so far has been handed to the operating system. */
  async flush(): Promise<void> {
    await Promise.all(
      [this.#stdout, this.#stderr].map(
        (stream) =>
          new Promise<void>((resolve) => {
            try {
              stream.write('', () => resolve());
            } catch {
              resolve();
            }
          }),
      ),
    );
  }
}
