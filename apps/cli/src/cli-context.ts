import type { TextStream } from './output/output.js';

/** The standard input as the CLI uses it (`process.stdin` on Node, Bun and Deno). */
export type InputStream = NodeJS.ReadableStream & { readonly isTTY?: boolean | undefined };

/** What a run of the CLI gets from its process: arguments, environment, streams and the interrupt signal. */
export interface CliContext {
  /** The arguments after the program name. */
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdin: InputStream;
  readonly stdout: TextStream;
  readonly stderr: TextStream;
  /** Aborted on Ctrl-C (SIGINT) or SIGTERM: commands stop their work and close what they opened. */
  readonly signal: AbortSignal;
  /** The clock (ms since the epoch). */
  readonly now: () => number;
}
