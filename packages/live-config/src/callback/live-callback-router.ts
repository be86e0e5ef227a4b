import { ValidationError } from '@tokenwire/core';
import { functionSchema, numberIn, optionsObject, parseInput } from '@tokenwire/core/internal';
import * as v from 'valibot';
import { type CallbackAckOptions, callbackAckParts } from './callback-ack-parts.js';
import type { KnownLiveCallbackEvent, LiveCallbackEvent } from './events/live-callback-event.js';
import { isKnownCallbackCommand, type KnownCallbackCommand } from './known-callback-commands.js';

/** What a handler answers: options for `callbackAck`, or nothing to accept the callback. */
// biome-ignore lint/suspicious/noConfusingVoidType: a handler whose body has no `return` is typed void (async: Promise<void>); undefined alone would refuse it
export type LiveCallbackAnswer = CallbackAckOptions | undefined | void;

/** What a handler gets besides its event. */
export interface LiveCallbackHandlerContext {
  /**
   * Aborted when the deadline passes and the router has answered without the handler (with the route's
   * `lateAnswer`). Pass it to what the answer waits for (a wallet call); work that does not decide the answer may
   * go on.
   */
  readonly signal: AbortSignal;
}

/** A handler of verified callbacks of one kind: it decides the answer. */
export type LiveCallbackHandler<TEvent extends LiveCallbackEvent = LiveCallbackEvent> = (
  event: TEvent,
  context: LiveCallbackHandlerContext,
) => LiveCallbackAnswer | Promise<LiveCallbackAnswer>;

/** The event of one known command, with its typed body. */
export type KnownLiveCallbackEventOf<TCommand extends KnownCallbackCommand> = Extract<
  KnownLiveCallbackEvent,
  { readonly command: TCommand }
>;

/** Options of one route ({@link LiveCallbackRouter.on}, {@link LiveCallbackRouter.otherwise}). */
export interface LiveCallbackRouteOptions {
  /**
   * The answer given when the handler has not answered within the router's `deadlineMs`. Default, by the event's
   * command: for `Live.CallbackBeforeSendGift` a refusal (`{ kind: 'refuse', errorCode: 1, errorInfo: 'not confirmed
   * in time' }`: the gift is not sent — what Tencent itself does by default when no answer comes within 2 s,
   * 647/121916); for every other command `accept` ("after" callbacks ignore the code). If you configured
   * `Live.CallbackBeforeCallBackNotBlock` (gifts go through when your server fails), say `{ kind: 'accept' }`.
   */
  readonly lateAnswer?: CallbackAckOptions | undefined;
}

/** Options of {@link createLiveCallbackRouter}. */
export interface LiveCallbackRouterOptions {
  /**
   * How long a handler may take to decide, in milliseconds, from `answer(event)`; then the route's `lateAnswer` is
   * given. Default {@link DEFAULT_CALLBACK_DEADLINE_MS} (1500): Tencent waits 2 s for the whole answer, the rest
   * is left for reading and verifying the request and for the network. At most 2000.
   */
  readonly deadlineMs?: number | undefined;
  /**
   * Told of a handler that failed after the deadline, when its answer had already been given (nobody else can see
   * that error). Default: `console.error` with the command and the error. A handler that fails in time makes
   * `answer` reject instead.
   */
  readonly onLateError?: ((error: unknown, event: LiveCallbackEvent) => void) | undefined;
}

/** Routes verified callbacks to handlers by command, within Tencent's answer deadline: {@link createLiveCallbackRouter}. */
export interface LiveCallbackRouter {
  /**
   * Handles every verified callback of `command` whose body tokenwire could type (`known: true`); the handler gets
   * that command's event, its `body` typed. One handler per command.
   *
   * @throws `ValidationError` for a command tokenwire does not know (route it with `otherwise`), a second handler
   *   for the same command, or a bad `lateAnswer`.
   */
  on<TCommand extends KnownCallbackCommand>(
    command: TCommand,
    handler: LiveCallbackHandler<KnownLiveCallbackEventOf<TCommand>>,
    options?: LiveCallbackRouteOptions,
  ): LiveCallbackRouter;
  /**
   * Handles every callback no `on` handler takes: commands without a handler, commands tokenwire does not know,
   * and known commands whose body did not match (`known: false` with `shapeIssues`). Without it, they are accepted.
   *
   * @throws `ValidationError` when set twice or for a bad `lateAnswer`.
   */
  otherwise(handler: LiveCallbackHandler, options?: LiveCallbackRouteOptions): LiveCallbackRouter;
  /**
   * Runs the event's handler and resolves with its answer for `callbackAck` / `callbackAckParts` — or, at the
   * deadline, with the route's `lateAnswer`. An event no handler takes is accepted. A plain function (no `this`):
   * pass `router.answer` as an adapter's `onEvent`.
   *
   * @throws what the handler throws, when it fails before the deadline.
   */
  readonly answer: (event: LiveCallbackEvent) => Promise<CallbackAckOptions>;
}

/** How long a handler may take by default, in milliseconds: Tencent's 2 s less room for the request and the network. */
export const DEFAULT_CALLBACK_DEADLINE_MS = 1500;

/** Tencent stops waiting after 2 s (647/121916): a later answer counts as none. */
const TENCENT_DEADLINE_MS = 2000;

const ACCEPT: CallbackAckOptions = { kind: 'accept' };

/** The late answer for the gift: a refusal, as Tencent's own default for no answer within 2 s (647/121916). */
const GIFT_NOT_CONFIRMED: CallbackAckOptions = { kind: 'refuse', errorCode: 1, errorInfo: 'not confirmed in time' };

const RouterOptionsSchema = /* @__PURE__ */ (() =>
  optionsObject(
    {
      deadlineMs: v.optional(numberIn(1, TENCENT_DEADLINE_MS, `must be a number of milliseconds from 1 to ${TENCENT_DEADLINE_MS}`)),
      onLateError: v.optional(functionSchema<(error: unknown, event: LiveCallbackEvent) => void>()),
    },
    'an object with deadlineMs or onLateError',
  ))();

const RouteOptionsSchema = /* @__PURE__ */ (() =>
  optionsObject(
    { lateAnswer: v.optional(v.custom<CallbackAckOptions>((value) => typeof value === 'object' && value !== null, 'must be an object')) },
    'an object with lateAnswer',
  ))();

const HandlerSchema = /* @__PURE__ */ (() => functionSchema<LiveCallbackHandler>())();

interface Route {
  readonly handler: LiveCallbackHandler;
  /** The route's own late answer; `undefined` for the command's default ({@link defaultLateAnswer}). */
  readonly lateAnswer: CallbackAckOptions | undefined;
}

type Outcome = { readonly ok: true; readonly answer: LiveCallbackAnswer } | { readonly ok: false; readonly error: unknown };

function reportLateError(error: unknown, event: LiveCallbackEvent): void {
  console.error(`A handler of ${event.command} failed after the callback was answered:`, error);
}

/**
 * The answer for a handler that missed the deadline, when its route names none: the gift is refused, as Tencent
 * refuses it by default when no answer comes within 2 s (647/121916); everything else is accepted.
 */
function defaultLateAnswer(command: string): CallbackAckOptions {
  return command === 'Live.CallbackBeforeSendGift' ? GIFT_NOT_CONFIRMED : ACCEPT;
}

/** A route, its handler and late answer checked now (a `ValidationError` at start-up, not at the first slow callback). */
function routeOf(handler: unknown, options: LiveCallbackRouteOptions, subject: string): Route {
  const checkedHandler = parseInput(HandlerSchema, handler, `${subject} handler`);
  const { lateAnswer } = parseInput(RouteOptionsSchema, options, `${subject} options`);
  if (lateAnswer !== undefined) callbackAckParts(lateAnswer);
  return { handler: checkedHandler, lateAnswer };
}

/**
 * Routes verified callbacks to a handler per command, and answers within Tencent's deadline. Tencent waits 2 s for
 * an answer: a handler that has not decided within `deadlineMs` (default 1.5 s) is answered for — with its route's
 * `lateAnswer` — and its `signal` is aborted. By default a late `Live.CallbackBeforeSendGift` handler refuses the
 * gift (what Tencent does by default when no answer comes within 2 s; a gift nobody confirmed is not given away)
 * and every other command is accepted.
 *
 * Handlers return `callbackAck` options (`{ kind: 'refuse', errorCode, errorInfo }`), or nothing to accept. Use the
 * router with any receiver: `callbackAck(await router.answer(event))` in a fetch handler, `onEvent: router.answer`
 * with the Node adapter (`@tokenwire/live-config/node`), or after the Hono middleware
 * (`@tokenwire/live-config/hono`). Start slow work that does not decide the answer without awaiting it.
 *
 * @throws `ValidationError` for bad options.
 * @example
 * ```ts
 * const router = createLiveCallbackRouter()
 *   .on('Live.CallbackBeforeSendGift', async (event, { signal }) => {
 *     const { From_Account: sender, Coins: coins = 0, Count: count = 1 } = event.body.GiftWater ?? {};
 *     if (sender === undefined || !(await wallet.reserve(sender, coins * count, { signal }))) {
 *       return { kind: 'refuse', errorCode: 1001, errorInfo: 'not enough coins' };
 *     }
 *   })
 *   .on('Live.CallbackAfterDestroyRoom', (event) => {
 *     void rooms.remove(event.body.RoomId); // not awaited: the answer does not depend on it
 *   });
 *
 * // in a fetch handler
 * return callbackAck(await router.answer(await verifier.verify(request)));
 * ```
 */
export function createLiveCallbackRouter(options: LiveCallbackRouterOptions = {}): LiveCallbackRouter {
  const { deadlineMs = DEFAULT_CALLBACK_DEADLINE_MS, onLateError = reportLateError } = parseInput(
    RouterOptionsSchema,
    options,
    'callback router options',
  );
  const routes = new Map<string, Route>();
  let fallback: Route | undefined;

  const answer = async (event: LiveCallbackEvent): Promise<CallbackAckOptions> => {
    const route = (event.known ? routes.get(event.command) : undefined) ?? fallback;
    if (route === undefined) return ACCEPT;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), deadlineMs);
    });
    // Never rejects, so a handler failing after the deadline is no unhandled rejection.
    const handled = Promise.resolve()
      .then(() => route.handler(event, { signal: controller.signal }))
      .then(
        (answered): Outcome => ({ ok: true, answer: answered }),
        (error: unknown): Outcome => ({ ok: false, error }),
      );
    const first = await Promise.race([handled, late]);
    clearTimeout(timer);
    if (first === 'late') {
      controller.abort(new DOMException(`The ${deadlineMs} ms deadline to answer ${event.command} passed`, 'TimeoutError'));
      void handled.then((outcome) => {
        if (!outcome.ok) onLateError(outcome.error, event);
      });
      return route.lateAnswer ?? defaultLateAnswer(event.command);
    }
    if (!first.ok) throw first.error;
    return first.answer ?? ACCEPT;
  };

  const router: LiveCallbackRouter = {
    on(command, handler, routeOptions = {}) {
      const subject = `callback router: on(${JSON.stringify(String(command).slice(0, 80))})`;
      if (!isKnownCallbackCommand(command)) {
        throw new ValidationError(subject, [
          { path: 'command', message: 'is not a command tokenwire knows: handle it in otherwise(handler) and switch on event.command' },
        ]);
      }
      if (routes.has(command)) throw new ValidationError(subject, [{ path: 'command', message: 'has a handler already' }]);
      routes.set(command, routeOf(handler, routeOptions, subject));
      return router;
    },
    otherwise(handler, routeOptions = {}) {
      const subject = 'callback router: otherwise()';
      if (fallback !== undefined) throw new ValidationError(subject, [{ path: 'handler', message: 'is set already' }]);
      fallback = routeOf(handler, routeOptions, subject);
      return router;
    },
    answer,
  };
  return router;
}
