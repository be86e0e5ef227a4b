import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { RequestAbortedError } from '@tokenwire/core';
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

/** A terminal input stream that can switch echo off (`process.stdin` on a TTY, on Node, Bun and Deno). */
type RawModeInput = InputStream & { setRawMode(mode: boolean): unknown };

function canHideInput(stdin: InputStream): stdin is RawModeInput {
  return typeof (stdin as Partial<RawModeInput>).setRawMode === 'function';
}

/**
 * Reads one line from a terminal in raw mode, so what is typed is never echoed: Enter ends it, Backspace removes
 * the last character, Ctrl-D on an empty line ends it empty, Ctrl-C aborts (exit 130). Other control keys and
 * escape sequences (arrows) are ignored.
 */
function readHiddenLine(stdin: RawModeInput, prompt: () => void, newline: () => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const decoder = new TextDecoder();
    let typed = '';
    let inEscapeSequence = false;
    const finish = (outcome: () => void): void => {
      stdin.removeListener('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      newline();
      outcome();
    };
    const onData = (chunk: string | Uint8Array): void => {
      for (const character of typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })) {
        if (inEscapeSequence) {
          // An escape sequence (ESC [ … final byte): skip up to its final letter or ~.
          if (/[A-Za-z~]/.test(character)) inEscapeSequence = false;
          continue;
        }
        if (character === '\r' || character === '\n' || (character === '\u0004' && typed === '')) {
          finish(() => resolve(typed));
          return;
        }
        if (character === '\u0003') {
          finish(() => reject(new RequestAbortedError('interrupted (Ctrl-C)')));
          return;
        }
        // Ctrl-D after some input is ignored, like the other control keys.
        if (character === '\u007f' || character === '\b') {
          typed = Array.from(typed).slice(0, -1).join('');
        } else if (character === '\u001b') {
          inEscapeSequence = true;
        } else if (character >= ' ') {
          typed += character;
        }
      }
    };
    // Echo goes off before the prompt shows, so nothing typed right after it is ever echoed.
    stdin.setRawMode(true);
    prompt();
    stdin.on('data', onData);
    stdin.resume();
  });
}

/**
 * Reads standard input: everything up to end-of-file when it is piped, or one line when it is a terminal
 * (after printing `prompt` to stderr), typed without echo so a secret never shows on the screen.
 */
export async function readStandardInput(stdin: InputStream, prompt: (text: string) => void, what: string): Promise<string> {
  if (stdin.isTTY === true) {
    if (canHideInput(stdin)) {
      return readHiddenLine(
        stdin,
        () => prompt(`Enter the ${what} (not shown) and press Enter: `),
        () => prompt('\n'),
      );
    }
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
