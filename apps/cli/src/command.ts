import type { CliContext } from './cli-context.js';
import type { FlagValues, Settings } from './config/settings.js';
import type { SecretRegistry } from './config/secret-registry.js';
import type { ExitCodeValue } from './exit-code.js';
import type { Output } from './output/output.js';

/** One flag of a command. */
export interface OptionDefinition {
  readonly type: 'string' | 'boolean';
  readonly short?: string;
  /** May be given several times (values collect into an array). */
  readonly multiple?: boolean;
  /** The placeholder shown in help, e.g. `ID`. */
  readonly valueName?: string;
  readonly description: string;
}

/** The flags of a command, by long name. */
export type OptionDefinitions = Readonly<Record<string, OptionDefinition>>;

/** Everything a command's `run` gets. */
export interface CommandInvocation {
  /** The parsed flags (global flags included). */
  readonly values: FlagValues;
  readonly positionals: readonly string[];
  readonly output: Output;
  readonly settings: Settings;
  readonly secrets: SecretRegistry;
  readonly context: CliContext;
  /** The command's path, e.g. `live-config token set`. */
  readonly commandPath: string;
}

/** A runnable command (a leaf of the command tree). */
export interface CommandDefinition {
  readonly kind: 'command';
  readonly name: string;
  /** One line for the parent's command list. */
  readonly summary: string;
  /** Paragraphs for `--help`. */
  readonly description?: string;
  /** Arguments after the command path in the usage line, e.g. `[options]`. */
  readonly usage?: string;
  readonly options: OptionDefinitions;
  /** How many positional arguments are accepted (default 0). */
  readonly maxPositionals?: number;
  /** Full command lines shown under "Examples". */
  readonly examples: readonly string[];
  run(invocation: CommandInvocation): Promise<ExitCodeValue>;
}

/** A group of commands (`live-config`, `live-config token`, …). */
export interface CommandGroup {
  readonly kind: 'group';
  readonly name: string;
  readonly summary: string;
  readonly description?: string;
  readonly children: readonly (CommandGroup | CommandDefinition)[];
  readonly examples: readonly string[];
}

/** A node of the command tree. */
export type CommandNode = CommandGroup | CommandDefinition;
