import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CallbackConfigurationSchema, sameCallbackConfiguration } from './callback-configuration.js';
import { KNOWN_CALLBACK_COMMANDS } from '../callback/known-callback-commands.js';

const valid = { url: 'https://example.com/tencent?tenant=1', commands: ['Live.CallbackAfterCreateRoom'] };

function issues(input: unknown): string[] {
  const result = v.safeParse(CallbackConfigurationSchema, input);
  return result.success ? [] : result.issues.map((issue) => `${v.getDotPath(issue) ?? ''}: ${issue.message}`);
}

describe('CallbackConfigurationSchema', () => {
  it('accepts http(s) URLs, every known command and future command words', () => {
    expect(issues(valid)).toEqual([]);
    expect(issues({ url: 'http://10.0.0.1:8080/cb', commands: [...KNOWN_CALLBACK_COMMANDS] })).toEqual([]);
    expect(issues({ url: 'HTTPS://EXAMPLE.COM', commands: ['Live.CallbackAfterSomethingNew'] })).toEqual([]);
  });

  it.each([
    [{ ...valid, url: 'ftp://example.com' }, 'url: must be an absolute URL starting with http:// or https://'],
    [{ ...valid, url: 'example.com/cb' }, 'url: must be an absolute URL'],
    [{ ...valid, url: 'https://' }, 'url: must be an absolute URL'],
    [{ ...valid, url: 42 }, 'url: must be a string'],
    [{ ...valid, commands: [] }, 'commands: must list at least one callback command'],
    [{ ...valid, commands: 'Live.CallbackAfterCreateRoom' }, 'commands: must be an array'],
    [{ ...valid, commands: ['Live.CallbackAfterCreateRoom', 'Live.CallbackAfterCreateRoom'] }, 'commands: must not list a command twice'],
    [{ ...valid, commands: [' Live.CallbackAfterCreateRoom'] }, 'commands.0: must be a callback command word'],
    [{ ...valid, commands: ['CallbackAfterCreateRoom'] }, 'commands.0: must be a callback command word'],
    [{ ...valid, extra: true }, 'extra: is not a known field'],
    [{ url: valid.url }, 'commands: is required'],
    [null, ': must be an object'],
  ])('refuses %j', (input, message) => {
    expect(issues(input).join('\n')).toContain(message);
  });
});

describe('sameCallbackConfiguration', () => {
  it('compares the URL exactly and the commands as a set', () => {
    const a = { url: 'https://a.example/cb', commands: ['X.A', 'X.B'] };
    expect(sameCallbackConfiguration(a, { url: 'https://a.example/cb', commands: ['X.B', 'X.A'] })).toBe(true);
    expect(sameCallbackConfiguration(a, { url: 'https://a.example/cb/', commands: ['X.A', 'X.B'] })).toBe(false);
    expect(sameCallbackConfiguration(a, { url: 'https://a.example/cb', commands: ['X.A'] })).toBe(false);
    expect(sameCallbackConfiguration(a, { url: 'https://a.example/cb', commands: ['X.A', 'X.C'] })).toBe(false);
    expect(sameCallbackConfiguration(a, { url: 'https://a.example/cb', commands: ['X.A', 'X.B', 'X.C'] })).toBe(false);
  });
});
