import {
  CallbackSignatureError,
  NetworkError,
  TencentApiError,
  TimeoutError,
  TokenwireError,
  UserSigError,
  ValidationError,
} from '@tokenwire/core';
import { exitCodeFor, type ExitCodeValue } from '../exit-code.js';
import { UsageError } from '../usage-error.js';
import { commandHint, inCliTerms } from './cli-advice.js';
import type { Output } from './output.js';

/** The JSON shape of an error (`{ ok: false, error }` on stdout with `--json`). Never holds a secret. */
export interface ErrorDescription {
  readonly name: string;
  readonly message: string;
  readonly exitCode: ExitCodeValue;
  readonly code?: number | string;
  readonly reason?: string;
  readonly retryable?: boolean;
  readonly requestId?: string;
  readonly random?: number;
  readonly service?: string;
  readonly command?: string;
  readonly path?: string;
  readonly status?: number;
  readonly attempt?: number;
  readonly issues?: readonly { path: string; message: string }[];
}

function definedFields<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** Describes any thrown value for output: name, message, exit code and the support context. */
export function describeError(error: unknown): ErrorDescription {
  const exitCode = exitCodeFor(error);
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), exitCode };
  // The packages' advice names library calls; a person at the command line needs the command instead.
  const base = { name: error.name, message: inCliTerms(error.message), exitCode };
  if (!TokenwireError.isInstance(error)) return base;
  const record = error as unknown as Record<string, unknown>;
  const code = record['code'];
  const reason = record['reason'];
  return {
    ...base,
    ...definedFields({
      code: typeof code === 'number' || typeof code === 'string' ? code : undefined,
      reason: typeof reason === 'string' ? reason : undefined,
      issues: ValidationError.isInstance(error) ? error.issues : undefined,
      ...(UsageError.isInstance(error) ? {} : { retryable: error.retryable }),
      ...error.context,
    }),
  };
}

/** A short explanation of what to check, for some failures. */
function hint(error: unknown): string | undefined {
  if (NetworkError.isInstance(error)) return 'is the service reachable at that base URL?';
  if (TimeoutError.isInstance(error)) return 'the service did not answer in time; try --timeout with a larger value';
  if (TencentApiError.isInstance(error) && [70001, 70003, 70009, 70013, 70014].includes(error.code)) {
    return 'check the SDKAppID, the administrator identifier and the secret key';
  }
  return commandHint(error);
}

/**
 * Prints an error and returns the exit code: on stderr a one-line message (no stack trace) with the support
 * context (RequestId, random), and with `--json` the `{ ok: false, error }` object on stdout.
 */
export function reportError(error: unknown, output: Output, commandPath: string): ExitCodeValue {
  const description = describeError(error);
  if (output.json) output.writeJson({ ok: false, error: description });
  const style = output.errorStyle;
  if (UsageError.isInstance(error) || ValidationError.isInstance(error)) {
    output.error(`${style.red('tokenwire:')} ${description.message}`);
    output.error(style.dim(`Run 'tokenwire${commandPath === '' ? '' : ` ${commandPath}`} --help' for usage.`));
    return description.exitCode;
  }
  const known = TokenwireError.isInstance(error);
  const label =
    UserSigError.isInstance(error) || CallbackSignatureError.isInstance(error)
      ? 'verification failed'
      : known
        ? description.name
        : 'unexpected error';
  output.error(`${style.red('✗')} ${style.bold(label)}: ${description.message}`);
  const support = [
    description.requestId === undefined ? undefined : `RequestId ${description.requestId}`,
    description.random === undefined ? undefined : `random ${description.random}`,
    description.status === undefined ? undefined : `HTTP ${description.status}`,
    description.attempt === undefined || description.attempt < 2 ? undefined : `attempt ${description.attempt}`,
  ].filter((part) => part !== undefined);
  if (support.length > 0) output.error(style.dim(`  ${support.join(' · ')}`));
  const advice = hint(error);
  if (advice !== undefined) output.error(style.dim(`  ${advice}`));
  return description.exitCode;
}
