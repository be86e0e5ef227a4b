/// <reference types="node" />
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { CallbackSignatureError } from './callback-signature-error.js';
import { TencentApiError } from './tencent-api-error.js';
import { TokenwireError, errorMarker } from './tokenwire-error.js';
import { HttpStatusError, MalformedResponseError, NetworkError, RequestAbortedError, TimeoutError } from './transport-errors.js';
import { UserSigError } from './user-sig-error.js';
import { ValidationError } from './validation-error.js';

/** One instance of every error class, as this realm builds them. */
const samples = {
  TokenwireError: () => new TokenwireError('base'),
  ValidationError: () => new ValidationError('input', [{ path: 'a', message: 'bad' }]),
  UserSigError: () => new UserSigError('expired', 'UserSig expired'),
  CallbackSignatureError: () => new CallbackSignatureError('signature_mismatch', 'no match'),
  TencentApiError: () => new TencentApiError({ code: 70001, info: 'expired' }),
  NetworkError: () => new NetworkError('down'),
  TimeoutError: () => new TimeoutError('slow', 3000),
  HttpStatusError: () => new HttpStatusError('bad gateway', { status: 502 }),
  MalformedResponseError: () => new MalformedResponseError('not json'),
  RequestAbortedError: () => new RequestAbortedError('aborted'),
};

const guards = {
  TokenwireError,
  ValidationError,
  UserSigError,
  CallbackSignatureError,
  TencentApiError,
  NetworkError,
  TimeoutError,
  HttpStatusError,
  MalformedResponseError,
  RequestAbortedError,
} as const;

type ErrorName = keyof typeof guards;
const names = Object.keys(guards) as ErrorName[];

describe('TokenwireError', () => {
  it('defaults to not retryable, without context or cause', () => {
    const error = new TokenwireError('plain');
    expect(error.message).toBe('plain');
    expect(error.retryable).toBe(false);
    expect(error.cause).toBeUndefined();
    expect('cause' in error).toBe(false);
    expect(error.context).toEqual({
      requestId: undefined,
      random: undefined,
      service: undefined,
      command: undefined,
      path: undefined,
      status: undefined,
      attempt: undefined,
    });
  });

  it('carries every context field, the cause and retryable', () => {
    const cause = new TypeError('fetch failed');
    const error = new TokenwireError('failed', {
      requestId: 'Id-1',
      random: 4294967295,
      service: 'live_config',
      command: 'get_callback',
      path: '/apiaccess/ccmessaging/send',
      status: 502,
      attempt: 3,
      retryable: true,
      cause,
    });
    expect(error.cause).toBe(cause);
    expect(error.retryable).toBe(true);
    expect(error.context).toEqual({
      requestId: 'Id-1',
      random: 4294967295,
      service: 'live_config',
      command: 'get_callback',
      path: '/apiaccess/ccmessaging/send',
      status: 502,
      attempt: 3,
    });
  });

  it('is a real Error with a stack', () => {
    const error = new TokenwireError('x');
    expect(error).toBeInstanceOf(Error);
    expect(typeof error.stack).toBe('string');
  });
});

describe.each(names)('%s', (name) => {
  const make = samples[name];
  const guard = guards[name];

  it('has a stable name, also in String() and the stack', () => {
    const error = make();
    expect(error.name).toBe(name);
    expect(String(error)).toMatch(new RegExp(`^${name}: `));
    expect(error.stack?.startsWith(`${name}: `)).toBe(true);
  });

  it('keeps its name when someone tries to overwrite it, and keeps it out of JSON', () => {
    const error = make() as { name: string };
    expect(Object.getOwnPropertyDescriptor(error, 'name')).toMatchObject({ value: name, enumerable: false, writable: false });
    expect(JSON.stringify(error)).not.toContain(`"name"`);
    expect(() => {
      error.name = 'Other';
    }).toThrow(TypeError);
    expect(error.name).toBe(name);
  });

  it('is recognised by its own guard and by TokenwireError.isInstance', () => {
    const error = make();
    expect(guard.isInstance(error)).toBe(true);
    expect(TokenwireError.isInstance(error)).toBe(true);
    expect(error).toBeInstanceOf(guard);
    expect(error).toBeInstanceOf(TokenwireError);
    expect(error).toBeInstanceOf(Error);
  });

  it('is not mistaken for a sibling class', () => {
    const error = make();
    for (const other of names) {
      if (other === name || other === 'TokenwireError') continue;
      expect(guards[other].isInstance(error), `${other}.isInstance(${name})`).toBe(false);
    }
  });

  it('rejects look-alikes without the marker', () => {
    const impostor = Object.assign(new Error('x'), { name, retryable: false });
    expect(guard.isInstance(impostor)).toBe(false);
    for (const value of [undefined, null, 0, 'error', name, {}, [], () => undefined]) expect(guard.isInstance(value)).toBe(false);
    expect(guard.isInstance({ [errorMarker(name)]: 'yes' })).toBe(false);
  });

  it('accepts any object carrying the shared Symbol.for marker', () => {
    const marker = name === 'TokenwireError' ? Symbol.for('tokenwire.error') : Symbol.for(`tokenwire.error.${name}`);
    expect(guard.isInstance({ [marker]: true })).toBe(true);
  });

  it('keeps its markers out of enumeration and JSON', () => {
    const error = make();
    expect(Object.keys(error).some((key) => key.includes('tokenwire'))).toBe(false);
    expect(JSON.stringify(error)).not.toContain('tokenwire.error');
  });
});

describe('subclass relations', () => {
  it('each class keeps its own fields', () => {
    expect(new TimeoutError('slow', 2500).timeoutMs).toBe(2500);
    expect(new UserSigError('malformed', 'm').reason).toBe('malformed');
    expect(new CallbackSignatureError('stale_request_time', 's').reason).toBe('stale_request_time');
    expect(new ValidationError('x', [{ path: '', message: 'm' }]).issues).toEqual([{ path: '', message: 'm' }]);
  });

  it('UserSigError and CallbackSignatureError carry a cause but never retry', () => {
    const cause = new Error('inner');
    const userSig = new UserSigError('malformed', 'bad', { cause });
    const callback = new CallbackSignatureError('malformed_request', 'bad', { cause });
    expect(userSig.cause).toBe(cause);
    expect(callback.cause).toBe(cause);
    expect(userSig.retryable).toBe(false);
    expect(callback.retryable).toBe(false);
  });
});

describe('across realms (node:vm)', () => {
  type Foreign = Record<ErrorName, new (...args: never[]) => Error>;
  let foreign: Foreign;

  beforeAll(async () => {
    // Bundle the real error classes and evaluate them in a fresh realm: its Error, Object and Symbol differ.
    const result = await build({
      stdin: {
        contents: `
          export { TokenwireError } from './tokenwire-error.ts';
          export { ValidationError } from './validation-error.ts';
          export { UserSigError } from './user-sig-error.ts';
          export { CallbackSignatureError } from './callback-signature-error.ts';
          export { TencentApiError } from './tencent-api-error.ts';
          export * from './transport-errors.ts';`,
        resolveDir: new URL('.', import.meta.url).pathname,
        loader: 'ts',
      },
      bundle: true,
      format: 'iife',
      globalName: 'errors',
      platform: 'neutral',
      write: false,
      logLevel: 'silent',
    });
    foreign = runInNewContext(`${result.outputFiles[0]!.text}; errors`) as Foreign;
  });

  it('builds errors whose Error is foreign, so instanceof fails', () => {
    const error = new foreign.NetworkError('down' as never);
    expect(error instanceof Error).toBe(false);
    expect(error instanceof NetworkError).toBe(false);
  });

  it('isInstance still recognises every class', () => {
    const made: Record<ErrorName, Error> = {
      TokenwireError: new foreign.TokenwireError('base' as never),
      ValidationError: new foreign.ValidationError(...(['input', [{ path: 'a', message: 'bad' }]] as never[])),
      UserSigError: new foreign.UserSigError(...(['expired', 'expired'] as never[])),
      CallbackSignatureError: new foreign.CallbackSignatureError(...(['no_tokens', 'none'] as never[])),
      TencentApiError: new foreign.TencentApiError({ code: 60008, info: '' } as never),
      NetworkError: new foreign.NetworkError('down' as never),
      TimeoutError: new foreign.TimeoutError(...(['slow', 10] as never[])),
      HttpStatusError: new foreign.HttpStatusError(...(['bad', { status: 503 }] as never[])),
      MalformedResponseError: new foreign.MalformedResponseError('bad' as never),
      RequestAbortedError: new foreign.RequestAbortedError('stop' as never),
    };
    for (const name of names) {
      expect(guards[name].isInstance(made[name]), name).toBe(true);
      expect(TokenwireError.isInstance(made[name]), name).toBe(true);
      expect(made[name].name).toBe(name);
    }
    expect(TencentApiError.isInstance(made.NetworkError)).toBe(false);
    expect((made.TencentApiError as TencentApiError).retryable).toBe(true);
  });

  it('recognises a plain foreign-realm object carrying the marker', () => {
    const value = runInNewContext(`({ [Symbol.for('tokenwire.error')]: true, [Symbol.for('tokenwire.error.TimeoutError')]: true })`);
    expect(TimeoutError.isInstance(value)).toBe(true);
    expect(TokenwireError.isInstance(value)).toBe(true);
    expect(NetworkError.isInstance(value)).toBe(false);
  });
});
