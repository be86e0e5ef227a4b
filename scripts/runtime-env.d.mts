/** `DENO_CERT` and `NODE_EXTRA_CA_CERTS` from the parent's `DENO_CERT`/`NODE_EXTRA_CA_CERTS`, for a child with a minimal environment. */
export declare function certificateTrust(parent?: Record<string, string | undefined>): Record<string, string>;
/** The parent's environment for a Deno or Bun child: quiet, no prompts, the parent's certificates trusted, then `overrides`. */
export declare function runtimeEnvironment(
  overrides?: Record<string, string | undefined>,
  parent?: Record<string, string | undefined>,
): Record<string, string | undefined>;
/** Whether a child's output says the network or the package registry failed (TLS, DNS, connection). */
export declare function isNetworkFailure(output: string): boolean;
/** Runs `attempt`, once more when it failed on the network; says plainly when the network failed twice. */
export declare function retryOnNetworkFailure<T extends { ok: boolean; output: string }>(
  attempt: () => T | Promise<T>,
  what: string,
): Promise<T & { networkFailure: boolean; explanation: string | undefined }>;
