import { ValidationError } from '@tokenwire/core';
import type { AiccSession } from './create-aicc-session.js';
import type { SessionContext } from './session-caller.js';

/** The context of every live session, found from the session object the user holds. */
const contexts = /* @__PURE__ */ (() => new WeakMap<object, SessionContext>())();

/**
 * Remembers the context behind `session`, for the functions that take a session (`downloadFile(session, …)`).
 *
 * @internal
 */
export function registerSession(session: AiccSession, context: SessionContext): AiccSession {
  contexts.set(session, context);
  return session;
}

/**
 * The context behind a session from {@link createAiccSession}.
 *
 * @throws {@link @tokenwire/core!ValidationError | ValidationError} when `session` is not one (nothing is sent).
 * @internal
 */
export function sessionContext(session: AiccSession, subject: string): SessionContext {
  const context = typeof session === 'object' && session !== null ? contexts.get(session) : undefined;
  if (context === undefined) {
    throw new ValidationError(subject, [{ path: 'session', message: 'must be a session from createAiccSession' }]);
  }
  return context;
}
