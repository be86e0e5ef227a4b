/** Where a Deno or Bun server listens: `HOST` (default `127.0.0.1`) and `PORT` (default 8787; 0 picks a free port). */
export interface ListenAddress {
  readonly hostname: string;
  readonly port: number;
}

/** Reads `HOST` and `PORT` from the environment. */
export function listenAddress(env: Readonly<Record<string, string | undefined>>): ListenAddress {
  const port = env['PORT'] === undefined || env['PORT'] === '' ? 8787 : Number(env['PORT']);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new RangeError('PORT must be an integer from 0 to 65535');
  return { hostname: env['HOST'] || '127.0.0.1', port };
}
