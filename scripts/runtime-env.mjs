// The environment of every Deno and Bun child process the tests, examples, benchmarks and scripts start.
//
// Registry traffic may pass through a TLS-intercepting proxy whose CA Node receives through NODE_EXTRA_CA_CERTS.
// Bun reads that variable too; Deno does not (it reads DENO_CERT, and otherwise trusts only its built-in roots), so
// a `deno publish --dry-run` or an `npm:` import fails with "invalid peer certificate: UnknownIssuer" there. These
// helpers hand every child the certificates Node was given, and tell a network failure from a package failure.

/** Output of Deno or Bun that means the network or the registry failed, not the code under test. */
const NETWORK_FAILURE =
  /invalid peer certificate|UnknownIssuer|certificate verify failed|unable to get local issuer certificate|unable to verify the first certificate|UNABLE_TO_VERIFY_LEAF_SIGNATURE|self[- ]signed certificate|error sending request for url|dns error|failed to lookup address|Connection (refused|reset)|ECONNRESET|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN|tcp connect error|Import '?https?:\/\/[^']*'? failed/i;

/**
 * The variables that make a Deno or Bun child trust what Node trusts: `DENO_CERT` (Deno) and
 * `NODE_EXTRA_CA_CERTS` (Bun, Node), taken from the parent's `DENO_CERT` or `NODE_EXTRA_CA_CERTS`. Empty when
 * the parent has neither. For children started with a minimal environment of their own.
 *
 * @param {Record<string, string | undefined>} [parent]
 * @returns {Record<string, string>}
 */
export function certificateTrust(parent = process.env) {
  const extra = parent['NODE_EXTRA_CA_CERTS'] || undefined;
  const deno = parent['DENO_CERT'] || extra;
  return {
    ...(deno === undefined ? {} : { DENO_CERT: deno }),
    ...(extra === undefined ? {} : { NODE_EXTRA_CA_CERTS: extra }),
  };
}

/**
 * The parent's environment for a Deno or Bun child: no colour, no update checks or prompts, the parent's
 * certificates trusted (see {@link certificateTrust}), then `overrides`.
 *
 * @param {Record<string, string | undefined>} [overrides]
 * @param {Record<string, string | undefined>} [parent]
 * @returns {Record<string, string | undefined>}
 */
export function runtimeEnvironment(overrides = {}, parent = process.env) {
  return { ...parent, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1', ...certificateTrust(parent), ...overrides };
}

/**
 * Whether a child's output says the network or the package registry failed (a TLS, DNS or connection error), as
 * opposed to the package or the code under test.
 *
 * @param {string} output
 * @returns {boolean}
 */
export function isNetworkFailure(output) {
  return NETWORK_FAILURE.test(output);
}

/**
 * Runs `attempt` (which returns the child's combined output and whether it succeeded); when it fails on the
 * network, runs it once more; when that fails on the network too, the result carries a plain explanation that
 * the network or the registry failed, not the package.
 *
 * @template {{ ok: boolean, output: string }} T
 * @param {() => T | Promise<T>} attempt
 * @param {string} what what the child was doing, e.g. "deno publish --dry-run of @tokenwire/core"
 * @returns {Promise<T & { networkFailure: boolean, explanation: string | undefined }>}
 */
export async function retryOnNetworkFailure(attempt, what) {
  const first = await attempt();
  if (first.ok || !isNetworkFailure(first.output)) return { ...first, networkFailure: false, explanation: undefined };
  const second = await attempt();
  if (second.ok || !isNetworkFailure(second.output)) return { ...second, networkFailure: false, explanation: undefined };
  return {
    ...second,
    networkFailure: true,
    explanation:
      `${what} failed twice on the network, not on the package: the npm/JSR registry could not be reached or its ` +
      'TLS certificate was not trusted. Behind a TLS-intercepting proxy, set NODE_EXTRA_CA_CERTS to its CA bundle ' +
      '(tokenwire passes it to Deno as DENO_CERT and to Bun as NODE_EXTRA_CA_CERTS).',
  };
}
