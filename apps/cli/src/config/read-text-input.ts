import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { InputStream } from '../cli-context.js';
import { UsageError } from '../usage-error.js';

/** Removes one trailing line break (`\n` or `\r\n`), as left by `echo` or an editor. */
export function stripTrailingNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}

/** Expands a leading `~/` and resolves a relative path against `base` (the working directory by default). */
export function expandPath(path: string, base?: string): string {
  const expanded = path === '~' ? homedir() : path.startsWith('~/') ? join(homedir(), path.slice(2)) : path;
  return isAbsolute(expanded) ? expanded : resolve(base ?? process.cwd(), expanded);
}

/** The directory of a file, for resolving paths written inside it. */
export function directoryOf(path: string): string {
  return dirname(path);
}

/**
 * Reads a whole text file (a secret, a token list, a body). A missing or unreadable file is a usage error naming
 * `what` and the path, never the content.
 */
export async function readTextFile(path: string, what: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unreadable';
    throw new UsageError(`cannot read ${what} from ${path} (${code})`);
  }
}

/**
 * Reads standard input: everything up to end-of-file when it is piped, or one line when it is a terminal
 * (after printing `prompt` to stderr).
 */
export async function readStandardInput(stdin: InputStream, prompt: (text: string) => void, what: string): Promise<string> {
  if (stdin.isTTY === true) {
    prompt(`Enter the ${what} and press Enter: `);
    const lines = createInterface({ input: stdin, terminal: false });
    try {
      for await (const line of lines) return line;
      return '';
    } finally {
      lines.close();
    }
  }
  const chunks: string[] = [];
  stdin.setEncoding('utf8');
  for await (const chunk of stdin) chunks.push(String(chunk));
  return stripTrailingNewline(chunks.join(''));
}
