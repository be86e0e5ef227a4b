import { parseArgs } from 'node:util';
import type { OptionDefinitions } from './command.js';
import type { FlagValues } from './config/settings.js';
import { UsageError } from './usage-error.js';

/** The flags and positional arguments of one command line. */
export interface ParsedCommandLine {
  readonly values: FlagValues;
  readonly positionals: readonly string[];
}

/**
 * Parses arguments with `node:util` `parseArgs` (strict: unknown flags and missing values are errors). Any
 * parse failure becomes a {@link UsageError} (exit code 2, no stack trace).
 */
export function parseCommandLine(args: readonly string[], options: OptionDefinitions, commandPath: string): ParsedCommandLine {
  const config = Object.fromEntries(
    Object.entries(options).map(([name, option]) => [
      name,
      {
        type: option.type,
        ...(option.short === undefined ? {} : { short: option.short }),
        ...(option.multiple === true ? { multiple: true } : {}),
      },
    ]),
  );
  try {
    const { values, positionals } = parseArgs({ args: [...args], options: config, strict: true, allowPositionals: true });
    return { values: values as FlagValues, positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.replace(/^TypeError(\s*\[[A-Z_]+\])?:\s*/, ''), { commandPath });
  }
}

/** Reads an integer flag; anything else (or out of range) is a usage error. */
export function integerFlag(value: string | undefined, flag: string, minimum: number, maximum: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number < minimum || number > maximum) {
    throw new UsageError(`--${flag} must be an integer from ${minimum} to ${maximum}, got ${JSON.stringify(value)}`);
  }
  return number;
}
