import type { CommandDefinition } from '../command.js';
import { DemoReport } from '../demo/demo-report.js';
import { DEMO_STEP_COUNT, runDemoStory, type DemoEndpoints } from '../demo/demo-story.js';
import { ExitCode, exitCodeFor } from '../exit-code.js';
import { formatMilliseconds } from '../output/format.js';
import { describeError } from '../output/report-error.js';
import { UsageError } from '../usage-error.js';
import type { FaultRule } from '@tokenwire/emulator';

const FAULT_KINDS = ['http-status', 'drop-connection', 'stall-body', 'transient', 'rate-limit', 'malformed-json'] as const;

/** Reads `--inject-fault ROUTE[=KIND]` into emulator fault rules that hit every matching request. */
function readFaults(given: unknown): FaultRule[] {
  const entries = Array.isArray(given) ? (given as string[]) : [];
  return entries.map((entry) => {
    const [route = '', kind = 'http-status'] = entry.split('=');
    if (route === '')
      throw new UsageError('--inject-fault needs a route, e.g. live_config/get_callback_token or /apiaccess/ccmessaging/send');
    if (!(FAULT_KINDS as readonly string[]).includes(kind))
      throw new UsageError(`--inject-fault: unknown kind "${kind}" (known: ${FAULT_KINDS.join(', ')})`);
    const fault =
      kind === 'http-status'
        ? { kind: 'http-status' as const, status: 502 }
        : ({ kind } as { kind: Exclude<(typeof FAULT_KINDS)[number], 'http-status'> });
    return { route, fault } as FaultRule;
  });
}

/** `tokenwire demo`: the whole story against the embedded emulator, step by step with timings. */
export const demoCommand: CommandDefinition = {
  kind: 'command',
  name: 'demo',
  summary: 'run the whole story end to end against the embedded emulator, step by step',
  description:
    "Starts the emulator in-process (HTTP on 127.0.0.1, a free port) and a callback receiver, then: admin UserSig →\ncallback URL and a generated callback token, read back → a signed callback delivered and verified (a forged one\nrefused) → token rotation (old and new accepted during the overlap, then only the new) → AICC AccessToken and\nccmessaging-token → chat: connect, send, the robot's reply by long poll, disconnect. Each step checks its result;\nexit 0 only when every step passed. Needs no account and no network beyond the loopback interface.",
  options: {
    'inject-fault': {
      type: 'string',
      multiple: true,
      valueName: 'ROUTE[=KIND]',
      description:
        'make every emulator request to ROUTE fail, to see retries and how a failure is reported; KIND: http-status (default), drop-connection, stall-body, transient, rate-limit, malformed-json',
    },
  },
  examples: [
    'tokenwire demo',
    'tokenwire demo --json | jq .steps[].title',
    'tokenwire demo --inject-fault live_config/get_callback_token   # watch step 4 fail after the retries (exit 1)',
  ],
  async run(invocation) {
    const { output, secrets, context, values } = invocation;
    const faults = readFaults(values['inject-fault']);
    const style = output.style;
    const report = new DemoReport(output, DEMO_STEP_COUNT);
    const endpoints: DemoEndpoints = {};
    output.line(
      `${style.bold('tokenwire demo')} ${style.dim('— Tencent TUILiveKit callbacks and Huawei AICC chat, end to end, against the embedded emulator')}`,
    );
    output.line();
    const started = performance.now();
    let failure: unknown;
    try {
      await runDemoStory({ report, secrets, signal: context.signal, faults }, endpoints);
    } catch (error) {
      failure = error;
    }
    const totalMs = Math.round((performance.now() - started) * 100) / 100;
    const passed = report.results.filter((result) => result.ok).length;
    const ok = failure === undefined && passed === DEMO_STEP_COUNT;
    const interrupted = context.signal.aborted;
    output.line();
    if (ok) {
      output.line(
        `  ${style.green('✓')} ${style.bold(`all ${DEMO_STEP_COUNT} steps passed`)} in ${formatMilliseconds(totalMs)} ${style.dim('· secrets shown as *** · servers closed')}`,
      );
    } else {
      output.line(
        `  ${style.red('✗')} ${style.bold(interrupted ? 'interrupted' : `failed at step ${report.results.length}`)} ${style.dim(`· ${passed} of ${DEMO_STEP_COUNT} steps passed in ${formatMilliseconds(totalMs)} · servers closed`)}`,
      );
    }
    const code = ok
      ? ExitCode.success
      : interrupted
        ? ExitCode.interrupted
        : failure === undefined
          ? ExitCode.failure
          : exitCodeFor(failure);
    if (output.json)
      output.writeJson({
        ok,
        steps: report.results,
        passed,
        total: DEMO_STEP_COUNT,
        totalMs,
        emulator: endpoints.emulatorUrl ?? null,
        receiver: endpoints.receiverUrl ?? null,
        ...(failure === undefined ? {} : { error: describeError(failure) }),
      });
    if (output.json && !ok && failure !== undefined) output.error(`tokenwire demo: ${describeError(failure).message}`);
    return code;
  },
};
