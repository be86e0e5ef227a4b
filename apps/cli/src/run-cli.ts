import { RequestAbortedError } from '@tokenwire/core';
import type { CliContext } from './cli-context.js';
import type { CommandDefinition, CommandGroup, CommandNode } from './command.js';
import { SecretRegistry } from './config/secret-registry.js';
import { Settings } from './config/settings.js';
import { ExitCode, type ExitCodeValue } from './exit-code.js';
import { GLOBAL_OPTIONS } from './global-options.js';
import { Output } from './output/output.js';
import { renderCommandHelp, renderGroupHelp } from './output/render-help.js';
import { reportError } from './output/report-error.js';
import { createStyle } from './output/style.js';
import { optionSpan, parseCommandLine } from './parse-command-line.js';
import { UsageError } from './usage-error.js';
import { runtimeDescription, VERSION } from './version.js';

/** No styling, for help text inside JSON. */
const PLAIN = createStyle(false);

/** What a mistyped command word looks like (longer or other words are not echoed: they may be secrets). */
const COMMAND_WORD = /^[a-z][a-z0-9-]{0,23}$/;

/**
 * Finds the command an argument list names: leading words walk the tree until a command (or another flag) is
 * reached. Global flags (`--json`, `--profile NAME`, …) may come before, between or after the command words, as
 * git, gh and wrangler accept them: those met on the way are handed to the command's parser with the rest.
 */
function resolveCommand(root: CommandGroup, argv: readonly string[]): { node: CommandNode; path: string[]; rest: readonly string[] } {
  let node: CommandNode = root;
  const path: string[] = [];
  const globals: string[] = [];
  let index = 0;
  while (node.kind === 'group' && index < argv.length) {
    const span = optionSpan(argv, index, GLOBAL_OPTIONS);
    if (span > 0) {
      globals.push(...argv.slice(index, index + span));
      index += span;
      continue;
    }
    const word = argv[index]!;
    if (word.startsWith('-')) break;
    const child: CommandNode | undefined = node.children.find((candidate) => candidate.name === word);
    if (child === undefined) {
      const choices = node.children.map((candidate) => candidate.name).join(', ');
      // Echoed only when it looks like a mistyped command, not like a value (a secret) in the wrong place.
      const named = COMMAND_WORD.test(word) ? `unknown command '${[...path, word].join(' ')}'` : unexpectedArgument(1, word);
      throw new UsageError(`${named} (choose one of: ${choices})`, { commandPath: path.join(' ') });
    }
    node = child;
    path.push(word);
    index++;
  }
  // The global flags go first: after a `--` in the rest they would read as positionals.
  return { node, path, rest: [...globals, ...argv.slice(index)] };
}

/** A stray argument, described without its value: it may be a secret typed in the wrong place. */
function unexpectedArgument(position: number, value: string): string {
  return `unexpected argument #${position} (${value.length} characters)`;
}

function printVersion(output: Output): ExitCodeValue {
  output.result({ ok: true, version: VERSION, runtime: runtimeDescription() }, () => `tokenwire ${VERSION} (${runtimeDescription()})`);
  return ExitCode.success;
}

async function runGroup(group: CommandGroup, path: string, rest: readonly string[], output: Output): Promise<ExitCodeValue> {
  const { values, positionals } = parseCommandLine(rest, GLOBAL_OPTIONS, path);
  if (values['version'] === true) return printVersion(output);
  if (values['help'] === true) {
    const help = renderGroupHelp(path, group, output.style);
    output.result({ ok: true, help: renderGroupHelp(path, group, PLAIN) }, () => help);
    return ExitCode.success;
  }
  if (positionals.length > 0) throw new UsageError(unexpectedArgument(1, positionals[0]!), { commandPath: path });
  if (!output.json) output.error(renderGroupHelp(path, group, output.errorStyle));
  throw new UsageError(
    `missing command${path === '' ? '' : ` after '${path}'`}: choose one of ${group.children.map((child) => child.name).join(', ')}`,
    { commandPath: path },
  );
}

async function runCommand(
  command: CommandDefinition,
  path: string,
  rest: readonly string[],
  context: CliContext,
  output: Output,
  secrets: SecretRegistry,
): Promise<ExitCodeValue> {
  const { values, positionals } = parseCommandLine(rest, { ...GLOBAL_OPTIONS, ...command.options }, path);
  if (values['version'] === true) return printVersion(output);
  if (values['help'] === true) {
    const help = renderCommandHelp(path, command, output.style);
    output.result({ ok: true, help: renderCommandHelp(path, command, PLAIN) }, () => help);
    return ExitCode.success;
  }
  const maximum = command.maxPositionals ?? 0;
  if (positionals.length > maximum) {
    throw new UsageError(unexpectedArgument(maximum + 1, positionals[maximum]!), { commandPath: path });
  }
  const settings = new Settings({ values, env: context.env, stdin: context.stdin, output, secrets });
  return command.run({ values, positionals, output, settings, secrets, context, commandPath: path });
}

/**
 * Runs one command line and resolves to the exit code. Never throws: every error is reported (a message on
 * stderr without a stack trace, plus `{ ok: false, error }` on stdout with `--json`) and mapped to its exit code.
 */
export async function runCli(context: CliContext, root: CommandGroup): Promise<ExitCodeValue> {
  const secrets = new SecretRegistry();
  // Decided before parsing, so that even a usage error is reported in the requested form.
  const output = new Output({
    stdout: context.stdout,
    stderr: context.stderr,
    env: context.env,
    json: context.argv.includes('--json'),
    showSecrets: context.argv.includes('--show-secrets'),
    secrets,
  });
  let path = '';
  let code: ExitCodeValue;
  try {
    const resolved = resolveCommand(root, context.argv);
    path = resolved.path.join(' ');
    code =
      resolved.node.kind === 'group'
        ? await runGroup(resolved.node, path, resolved.rest, output)
        : await runCommand(resolved.node, path, resolved.rest, context, output, secrets);
  } catch (error) {
    // Ctrl-C: the signal, or typed at a prompt for a secret (raw mode, where it raises no signal).
    const interrupted = (context.signal.aborted || RequestAbortedError.isInstance(error)) && !UsageError.isInstance(error);
    code = interrupted ? ExitCode.interrupted : reportError(error, output, path);
    if (code === ExitCode.interrupted && output.json)
      output.writeJson({ ok: false, error: { name: 'Interrupted', message: 'interrupted', exitCode: code } });
  }
  await output.flush();
  return code;
}
