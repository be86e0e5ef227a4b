import { createInterface, type Interface } from 'node:readline';
import { createAiccSession, type DownlinkMessage } from '@tokenwire/aicc-messaging';
import { ChatConversation } from '../aicc/chat-conversation.js';
import { messageText, renderDownlinkMessage } from '../aicc/render-downlink-message.js';
import type { CommandDefinition } from '../command.js';
import { AICC_USER_OPTIONS, createAiccClientFromSettings, readAiccUser } from '../config/aicc-settings.js';
import { ExitCode } from '../exit-code.js';
import { AICC_OPTIONS } from '../global-options.js';
import { describeError } from '../output/report-error.js';
import { Spinner } from '../output/spinner.js';
import { integerFlag } from '../parse-command-line.js';
import { UsageError } from '../usage-error.js';

/** One line of the transcript `--json` prints. */
interface TranscriptEntry {
  readonly from: 'you' | 'robot' | 'agent' | 'system';
  readonly text: string;
  readonly nickname?: string;
  readonly controlType?: string;
  readonly mediaType?: string;
}

const HELP_LINES = [
  'Type a message and press Enter to send it.',
  '  /agent   ask for a human agent      /queue   your place in the agent queue',
  '  /quit    disconnect and leave       /help    this help          (Ctrl-C also disconnects)',
];

function isAnswer(message: DownlinkMessage): boolean {
  return (message.sourceType === 'ROBOT' || message.sourceType === 'AGENT') && message.controlType !== 'READ';
}

function transcriptEntry(message: DownlinkMessage): TranscriptEntry {
  const source = String(message.sourceType ?? 'SYSTEM').toLowerCase();
  return {
    from: source === 'robot' || source === 'agent' ? source : 'system',
    text: messageText(message),
    ...(message.senderNickname ? { nickname: message.senderNickname } : {}),
    ...(message.controlType === undefined ? {} : { controlType: String(message.controlType) }),
    ...(message.mediaType === undefined ? {} : { mediaType: String(message.mediaType) }),
  };
}

/** `tokenwire aicc chat`: an interactive chat session on the terminal (or driven by piped input). */
export const aiccChatCommand: CommandDefinition = {
  kind: 'command',
  name: 'chat',
  summary: 'chat as an end user: connect, type to send, see replies as they arrive, Ctrl-C disconnects',
  description:
    'Opens a CC-Messaging session for the user (applyToken, CONNECT), prints every incoming message as it\narrives (long poll), and sends each line you type. /agent asks for a human (a spinner shows while you wait).\nWith piped input each line is sent in turn, waiting up to --wait ms for the answer before the next one; at the\nend of input the session is disconnected. Ctrl-C disconnects cleanly. A line that fails (a send, /queue while not\nqueuing) is reported and the chat goes on; with piped input the exit code is then 1.',
  options: {
    ...AICC_OPTIONS,
    ...AICC_USER_OPTIONS,
    wait: { type: 'string', valueName: 'MS', description: 'with piped input: how long to wait for each answer (default 15000)' },
  },
  examples: [
    'tokenwire aicc chat --user-id user-42 --user-name Ada --channel-id web-channel',
    "printf 'How can I track my order?\\n/agent\\nThanks!\\n' | tokenwire aicc chat --user-id user-42 --channel-id web-channel --json",
  ],
  async run(invocation) {
    const { output, settings, context, secrets } = invocation;
    if (settings.stdinClaimed) {
      throw new UsageError(
        'aicc chat reads your messages from standard input: give the app secret with TOKENWIRE_AICC_APP_SECRET or --app-secret-file',
      );
    }
    const waitMs = integerFlag(settings.flag('wait'), 'wait', 0, 600_000) ?? 15_000;
    const user = await readAiccUser(invocation);
    const client = await createAiccClientFromSettings(invocation);
    const session = createAiccSession(client, user);
    const interactive = context.stdin.isTTY === true && !output.json;
    const style = output.style;
    const spinner = new Spinner(output);
    const conversation = new ChatConversation();
    const transcript: TranscriptEntry[] = [];
    let readline: Interface | undefined;
    let leaving = false;

    /** Prints lines above the prompt, keeping what the user is typing. */
    const show = (lines: readonly string[]): void => {
      spinner.clearLine();
      if (interactive && readline !== undefined) output.write('\r\u001b[2K');
      for (const line of lines) output.line(line);
      if (interactive && readline !== undefined && !leaving) readline.prompt(true);
    };

    spinner.start(`connecting ${user.userId} to ${user.channelId}…`);
    let connected: Awaited<ReturnType<typeof session.connect>>;
    try {
      connected = await session.connect({ signal: context.signal });
    } finally {
      spinner.stop();
    }
    secrets.add(client.accessTokens.grant?.accessToken);
    show([
      `${style.green('●')} ${style.bold('connected')} ${style.dim(`as ${user.userName} (${user.userId}) on ${user.channelId}: ${connected.resultDesc ?? 'ok'}`)}`,
    ]);
    if (interactive) show(HELP_LINES.map((line) => style.dim(line)));

    // Incoming messages, printed as they arrive, until the session ends or we stop the stream.
    const stopStream = new AbortController();
    let streamError: unknown;
    const stream = (async () => {
      try {
        // Not tied to Ctrl-C: after an interrupt the session is disconnected first, then the stream drains.
        for await (const message of session.messages({ signal: stopStream.signal })) {
          conversation.receive(message);
          if (message.sourceType === 'AGENT') spinner.stop();
          transcript.push(transcriptEntry(message));
          show(renderDownlinkMessage(message, style));
        }
      } catch (error) {
        if (!stopStream.signal.aborted) streamError = error;
      } finally {
        conversation.end();
        readline?.close();
      }
    })();

    // Piped input is a script: let the greeting arrive before the first line, so answers line up with questions.
    const settleMs = 300;
    if (!interactive) {
      await conversation.waitFor(() => true, Math.min(waitMs, 5_000)).matched;
      await conversation.settle(settleMs, waitMs);
    }

    readline = createInterface({
      input: context.stdin,
      ...(interactive
        ? { output: context.stdout as unknown as NodeJS.WritableStream, terminal: true, prompt: `${style.bold('you ›')} ` }
        : { terminal: false }),
    });
    // In raw terminal mode Ctrl-C reaches readline, not the process: leave the same way as /quit.
    let interruptedAtPrompt = false;
    readline.on('SIGINT', () => {
      interruptedAtPrompt = true;
      readline?.close();
    });
    const onAbort = (): void => readline?.close();
    context.signal.addEventListener('abort', onAbort, { once: true });

    let sent = 0;
    let failures = 0;
    try {
      if (interactive) readline.prompt();
      for await (const line of readline) {
        const text = line.trim();
        if (text === '') {
          if (interactive) readline.prompt();
          continue;
        }
        if (!interactive) show([`${style.bold('you ›')} ${text}`]);
        if (text === '/quit' || text === '/exit') break;
        if (text === '/help') {
          show(HELP_LINES.map((entry) => style.dim(entry)));
          continue;
        }
        try {
          if (text === '/queue') {
            const queue = await session.queueInfo({ signal: context.signal });
            show([
              style.dim(
                queue.queuing
                  ? `queue position ${queue.position ?? '?'}${queue.estimateWaitTime === undefined ? '' : `, about ${queue.estimateWaitTime}s`}`
                  : `not queuing: transferred to ${queue.transferredTo}`,
              ),
            ]);
            continue;
          }
          if (text === '/agent') {
            const agent = conversation.waitFor((message) => message.sourceType === 'AGENT', interactive ? 600_000 : waitMs);
            try {
              await session.transferToAgent({ signal: context.signal });
            } catch (error) {
              agent.cancel();
              throw error;
            }
            transcript.push({ from: 'you', text: '/agent', controlType: 'TRANS2AGENT' });
            spinner.start('waiting for an agent…');
            if (interactive)
              agent.matched.then(
                () => spinner.stop(),
                () => undefined,
              );
            else if (!(await agent.matched)) output.warn(`no agent joined within ${waitMs} ms`);
            else await conversation.settle(settleMs, waitMs);
            continue;
          }
          const answer = conversation.waitFor(isAnswer, waitMs);
          try {
            await session.send(text, { signal: context.signal });
          } catch (error) {
            answer.cancel();
            throw error;
          }
          sent += 1;
          transcript.push({ from: 'you', text, controlType: 'CHAT', mediaType: 'TEXT' });
          if (interactive) {
            answer.cancel();
          } else if (await answer.matched) {
            await conversation.settle(settleMs, waitMs);
          } else if (!conversation.ended) {
            output.warn(`no answer within ${waitMs} ms`);
          }
        } catch (error) {
          // One failed line (a slash command AICC refuses, a send) is reported and the chat goes on.
          if (context.signal.aborted) throw error;
          failures += 1;
          const { name, message } = describeError(error);
          spinner.clearLine();
          output.error(
            `${output.errorStyle.red('✗')} ${output.errorStyle.bold(text.startsWith('/') ? `${text} failed` : 'not sent')}: ${name}: ${message}`,
          );
          if (interactive) readline.prompt();
        }
        if (conversation.offline) break;
      }
    } catch (error) {
      if (!context.signal.aborted) throw error;
    } finally {
      leaving = true;
      context.signal.removeEventListener('abort', onAbort);
      spinner.stop();
      readline.close();
      if (!conversation.offline) {
        // Ends the chat at AICC (also after Ctrl-C), then lets the stream take AICC's final messages.
        await session.disconnect({ signal: AbortSignal.timeout(10_000) }).catch((error: unknown) => {
          if (streamError === undefined) streamError = error;
        });
        const drained = conversation.waitFor((message) => message.isOfflineStatus === true, 1_500);
        await drained.matched;
      }
      stopStream.abort();
      await stream;
      if (interactive || !output.json)
        show([
          `${style.dim('●')} ${style.bold('disconnected')}${context.signal.aborted || interruptedAtPrompt ? style.dim(' (Ctrl-C)') : ''}`,
        ]);
    }
    if (streamError !== undefined) throw streamError;
    // A script (piped input) whose lines did not all go through fails; at a terminal the user saw each error.
    const failed = failures > 0 && !interactive;
    output.result({ ok: !failed, user, sent, failures, transcript, interrupted: context.signal.aborted || interruptedAtPrompt }, () => []);
    return failed ? ExitCode.failure : ExitCode.success;
  },
};
