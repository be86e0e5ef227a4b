import type { Output } from './output.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/**
 * A one-line spinner on stderr while something is awaited (an agent, a connection). Only on a terminal and never
 * in JSON mode; elsewhere `start` and `stop` do nothing, so piped output stays clean.
 */
export class Spinner {
  readonly #output: Output;
  #timer: ReturnType<typeof setInterval> | undefined;
  #text = '';
  #frame = 0;

  constructor(output: Output) {
    this.#output = output;
  }

  /** Whether a spinner can be shown at all. */
  get enabled(): boolean {
    return this.#output.stderrIsTerminal && !this.#output.json;
  }

  /** Whether the spinner is turning. */
  get active(): boolean {
    return this.#timer !== undefined;
  }

  /** Starts (or retitles) the spinner. */
  start(text: string): void {
    this.#text = text;
    if (!this.enabled || this.#timer !== undefined) return;
    this.#render();
    this.#timer = setInterval(() => this.#render(), 80);
    (this.#timer as { unref?: () => void }).unref?.();
  }

  /** Stops the spinner and clears its line. */
  stop(): void {
    if (this.#timer === undefined) return;
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#output.writeError('\r\u001b[2K');
  }

  /** Clears the spinner line for a moment (to print something), then lets the next frame redraw it. */
  clearLine(): void {
    if (this.#timer !== undefined) this.#output.writeError('\r\u001b[2K');
  }

  #render(): void {
    const frame = FRAMES[this.#frame++ % FRAMES.length]!;
    this.#output.writeError(`\r\u001b[2K${this.#output.errorStyle.cyan(frame)} ${this.#text}`);
  }
}
