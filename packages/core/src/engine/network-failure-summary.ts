/** How deep the chain of `cause`s (and an `AggregateError`'s first error) is searched. */
const MAX_DEPTH = 4;
/** An error code as runtimes write them: `ECONNREFUSED` (Node), `ConnectionRefused` (Bun), `UND_ERR_SOCKET`. */
const CODE_PATTERN = /^[A-Za-z][A-Za-z0-9_]{1,39}$/;
/** An IP address or host name as a runtime reports it: no path, no query, nothing that could carry a credential. */
const ADDRESS_PATTERN = /^[A-Za-z0-9.:%-]{1,253}$/;

/** A field of `value` read without letting a throwing getter escape. */
function field(value: object, key: string): unknown {
  try {
    return (value as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** The errors to look at: `error`, its causes, and the first error of an `AggregateError` (undici's happy eyeballs). */
function* chainOf(error: unknown): Generator<object> {
  let current: unknown = error;
  for (let depth = 0; depth < MAX_DEPTH && typeof current === 'object' && current !== null; depth++) {
    yield current;
    const errors = field(current, 'errors');
    if (Array.isArray(errors) && typeof errors[0] === 'object' && errors[0] !== null) yield errors[0];
    current = field(current, 'cause');
  }
}

/**
 * What a runtime tells about a failed connection, in one short phrase: the error code and, when given, the address
 * it tried — `ECONNREFUSED 127.0.0.1:8080`, `ENOTFOUND api.example.com`, `ConnectionRefused`. Read from the error
 * and its `cause`s (undici puts them on `error.cause.code`, `.address` and `.port`; Bun on `error.code`). Only codes
 * and addresses that look like ones are used, never a message, a URL or a path, so no credential can come through.
 * `undefined` when the runtime says nothing of the kind (Deno only words it in the message).
 *
 * @example
 * ```ts
 * networkFailureSummary(await fetch('http://127.0.0.1:8080').catch((error) => error)); // 'ECONNREFUSED 127.0.0.1:8080'
 * ```
 */
export function networkFailureSummary(error: unknown): string | undefined {
  let code: string | undefined;
  let address: string | undefined;
  let port: number | undefined;
  for (const item of chainOf(error)) {
    const itemCode = field(item, 'code');
    if (code === undefined && typeof itemCode === 'string' && CODE_PATTERN.test(itemCode)) code = itemCode;
    const itemAddress = field(item, 'address') ?? field(item, 'hostname');
    if (address === undefined && typeof itemAddress === 'string' && ADDRESS_PATTERN.test(itemAddress)) {
      address = itemAddress;
      const itemPort = field(item, 'port');
      if (typeof itemPort === 'number' && Number.isInteger(itemPort) && itemPort > 0 && itemPort < 65_536) port = itemPort;
    }
  }
  if (code === undefined) return undefined;
  if (address === undefined) return code;
  const host = address.includes(':') ? `[${address}]` : address;
  return port === undefined ? `${code} ${host}` : `${code} ${host}:${port}`;
}
