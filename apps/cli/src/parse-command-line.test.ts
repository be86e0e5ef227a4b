import { describe, expect, it } from 'vitest';
import { GLOBAL_OPTIONS } from './global-options.js';
import { optionSpan, parseCommandLine } from './parse-command-line.js';
import { UsageError } from './usage-error.js';

describe('optionSpan', () => {
  it.each([
    [['--json', 'usersig'], 0, 1],
    [['-h'], 0, 1],
    [['--show-secrets', 'x'], 0, 1],
    [['--profile', 'work', 'usersig'], 0, 2],
    [['--profile=work', 'usersig'], 0, 1],
    [['--profile'], 0, 1],
    [['usersig', '--json'], 1, 1],
    [['usersig', 'sign'], 0, 0],
    [['--user-id', 'alice'], 0, 0],
    [['--'], 0, 0],
    [['-'], 0, 0],
    [['-x'], 0, 0],
    [['--toString'], 0, 0],
    [[], 0, 0],
  ] as const)('%j at %i spans %i', (args, index, span) => {
    expect(optionSpan(args, index, GLOBAL_OPTIONS)).toBe(span);
  });
});

describe('parseCommandLine', () => {
  it('turns a parse failure into a UsageError naming the command', () => {
    try {
      parseCommandLine(['--nope'], GLOBAL_OPTIONS, 'usersig sign');
      expect.fail('expected a UsageError');
    } catch (error) {
      expect(UsageError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ commandPath: 'usersig sign', message: expect.stringMatching(/^Unknown option '--nope'/) });
    }
  });
});
