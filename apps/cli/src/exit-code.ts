import { NetworkError, RequestAbortedError, TimeoutError, ValidationError } from '@tokenwire/core';
import { UsageError } from './usage-error.js';

/**
 * The process exit codes of `tokenwire`, the same for every command.
 *
 * | code | meaning |
 * | --- | --- |
 * | 0 | success |
 * | 1 | the API refused, or a verification failed (UserSig, callback signature, demo step) |
 * | 2 | usage error: bad flags, missing settings, invalid input (nothing was sent) |
 * | 3 | network failure or timeout (the service could not be reached in time) |
 * | 130 | interrupted (Ctrl-C) |
 */
export const ExitCode = {
  success: 0,
  failure: 1,
  usage: 2,
  network: 3,
  interrupted: 130,
} as const;

/** One of the values of {@link ExitCode}. */
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * The exit code an error ends the process with (see {@link ExitCode}): usage and validation errors 2 (nothing
 * was sent), network errors and timeouts 3, an abort (Ctrl-C) 130, everything else 1 (Tencent and AICC
 * refusals, failed verifications, HTTP errors, malformed answers).
 */
export function exitCodeFor(error: unknown): ExitCodeValue {
  if (UsageError.isInstance(error) || ValidationError.isInstance(error)) return ExitCode.usage;
  if (NetworkError.isInstance(error) || TimeoutError.isInstance(error)) return ExitCode.network;
  if (RequestAbortedError.isInstance(error)) return ExitCode.interrupted;
  return ExitCode.failure;
}
