/** ANSI styling for one output stream; every function is the identity when colour is off. */
export interface Style {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
  magenta(text: string): string;
}

/** A stream that may be a terminal (Node, Bun and Deno all set `isTTY` on their process streams). */
export interface MaybeTerminal {
  readonly isTTY?: boolean | undefined;
}

/**
 * Whether to colour a stream: only when it is a terminal and `NO_COLOR` is unset or empty (https://no-color.org),
 * and never when `TERM=dumb`.
 */
export function colourEnabled(stream: MaybeTerminal, env: Readonly<Record<string, string | undefined>>): boolean {
  if (stream.isTTY !== true) return false;
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  return env['TERM'] !== 'dumb';
}

function wrap(enabled: boolean, open: number, close: number): (text: string) => string {
  return enabled ? (text) => `\u001b[${open}m${text}\u001b[${close}m` : (text) => text;
}

/** Creates the styling functions for a stream; with `enabled` false they return their input unchanged. */
export function createStyle(enabled: boolean): Style {
  return {
    enabled,
    bold: wrap(enabled, 1, 22),
    dim: wrap(enabled, 2, 22),
    red: wrap(enabled, 31, 39),
    green: wrap(enabled, 32, 39),
    yellow: wrap(enabled, 33, 39),
    cyan: wrap(enabled, 36, 39),
    magenta: wrap(enabled, 35, 39),
  };
}
