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

/**
 * How many arguments, from `args[index]` on, one of `options` spans there: 1 for a boolean flag (`--json`,
 * `-h`) or a string flag with its value attached (`--profile=work`), 2 for a string flag followed by its value
 * (`--profile work`; 1 when nothing follows, which parsing then reports), 0 when `args[index]` is not one of them.
 */
export function optionSpan(args: readonly string[], index: number, options: OptionDefinitions): number {
  const arg = args[index];
  if (arg === undefined || !arg.startsWith('-') || arg === '-' || arg === '--') return 0;
  const equals = arg.indexOf('=');
  const name = arg.startsWith('--') ? arg.slice(2, equals === -1 ? undefined : equals) : undefined;
  const option =
    name === undefined
      ? Object.values(options).find((candidate) => candidate.short !== undefined && arg === `-${candidate.short}`)
      : Object.hasOwn(options, name)
        ? options[name]
        : undefined;
  if (option === undefined) return 0;
  return option.type === 'string' && equals === -1 && index + 1 < args.length ? 2 : 1;
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
