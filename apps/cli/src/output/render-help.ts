import type { CommandDefinition, CommandGroup, OptionDefinitions } from '../command.js';
import { GLOBAL_OPTIONS } from '../global-options.js';
import type { Style } from './style.js';

function optionRows(options: OptionDefinitions): [string, string][] {
  return Object.entries(options).map(([name, option]) => {
    const flag = `${option.short === undefined ? '    ' : `-${option.short}, `}--${name}${option.type === 'string' ? ` ${option.valueName ?? 'VALUE'}` : ''}`;
    return [flag, `${option.description}${option.multiple === true ? ' (repeatable)' : ''}`];
  });
}

function table(rows: readonly [string, string][], style: Style): string[] {
  const width = Math.min(34, Math.max(...rows.map(([left]) => left.length)));
  return rows.map(([left, right]) =>
    left.length > width ? `  ${style.cyan(left)}\n  ${' '.repeat(width)}  ${right}` : `  ${style.cyan(left.padEnd(width))}  ${right}`,
  );
}

function examples(lines: readonly string[], style: Style): string[] {
  return lines.length === 0 ? [] : ['', style.bold('Examples:'), ...lines.map((line) => `  ${style.dim('$')} ${line}`)];
}

/** The `--help` text of a command. */
export function renderCommandHelp(path: string, command: CommandDefinition, style: Style): string {
  const lines = [
    `${style.bold(`tokenwire ${path}`)} — ${command.summary}`,
    '',
    `${style.bold('Usage:')} tokenwire ${path} ${command.usage ?? '[options]'}`,
  ];
  if (command.description !== undefined) lines.push('', command.description);
  const own = Object.fromEntries(Object.entries(command.options).filter(([name]) => !(name in GLOBAL_OPTIONS)));
  if (Object.keys(own).length > 0) lines.push('', style.bold('Options:'), ...table(optionRows(own), style));
  lines.push('', style.bold('Global options:'), ...table(optionRows(GLOBAL_OPTIONS), style));
  lines.push(...examples(command.examples, style));
  lines.push('', style.dim('Exit codes: 0 ok · 1 API or verification failure · 2 usage error · 3 network or timeout'));
  return lines.join('\n');
}

/** The `--help` text of a command group (or of `tokenwire` itself, with an empty path). */
export function renderGroupHelp(path: string, group: CommandGroup, style: Style): string {
  const name = path === '' ? 'tokenwire' : `tokenwire ${path}`;
  const lines = [`${style.bold(name)} — ${group.summary}`, '', `${style.bold('Usage:')} ${name} <command> [options]`];
  if (group.description !== undefined) lines.push('', group.description);
  lines.push(
    '',
    style.bold('Commands:'),
    ...table(
      group.children.map((child) => [child.name, child.summary]),
      style,
    ),
  );
  lines.push('', style.bold('Global options:'), ...table(optionRows(GLOBAL_OPTIONS), style));
  lines.push(...examples(group.examples, style));
  lines.push('', `Run '${name} <command> --help' for the options of a command.`);
  return lines.join('\n');
}
