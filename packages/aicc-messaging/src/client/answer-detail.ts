/** Longest detail an error repeats from an answer's body, in characters. */
const MAX_DETAIL_LENGTH = 300;

/**
 * A string or number field of an answer's body, as a string; `undefined` when the body is not an object or the field
 * is something else.
 *
 * @internal
 */
export function answerField(body: unknown, name: string): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const value = (body as Record<string, unknown>)[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/**
 * What an answer's body says about a failure, whoever wrote it: API Fabric (`errorCode exceptionInfo`), AICC
 * (`resultCode resultDesc`) or a gateway (`error: message`); `undefined` when it says nothing of the kind.
 *
 * @internal
 */
export function describeAnswer(body: unknown): string | undefined {
  const fabric = answerField(body, 'exceptionInfo');
  if (fabric !== undefined) return [answerField(body, 'errorCode'), fabric].filter(Boolean).join(' ');
  const aicc = answerField(body, 'resultDesc');
  if (aicc !== undefined) return [answerField(body, 'resultCode'), aicc].filter(Boolean).join(' ');
  const gateway = answerField(body, 'message');
  if (gateway !== undefined) return [answerField(body, 'error'), gateway].filter(Boolean).join(': ');
  return undefined;
}

/**
 * `text` cut to the length an error repeats, with `…` where it was cut.
 *
 * @internal
 */
export function clipDetail(text: string): string {
  return text.length > MAX_DETAIL_LENGTH ? `${text.slice(0, MAX_DETAIL_LENGTH - 1)}…` : text;
}
