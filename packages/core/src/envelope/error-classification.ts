/** What kind of failure a Tencent `ErrorCode` is; tells a caller where to look. */
export type ErrorCategory = 'auth' | 'rate_limit' | 'invalid_request' | 'server' | 'config' | 'fatal' | 'unknown';

/**
 * How the client reacts to a code: `transient` is retried with exponential backoff, `rate_limit` with a longer
 * backoff, `cooldown` is retryable but only after a pause the client does not take for you (70050: Tencent asks
 * for one minute, longer than any backoff), `none` is never retried.
 */
export type RetryClass = 'transient' | 'rate_limit' | 'cooldown' | 'none';

/** The category and retry class of a Tencent `ErrorCode`. */
export interface ErrorClassification {
  readonly category: ErrorCategory;
  readonly retry: RetryClass;
}

// Kept apart from the human-readable catalogue (error-codes.ts) so the client, which only needs to classify
// codes, does not carry every meaning into browser bundles.
const codesByCategory: Readonly<Record<Exclude<ErrorCategory, 'unknown'>, readonly number[]>> = {
  auth: [60004, 60005, 70001, 70002, 70003, 70005, 70009, 70013, 70014, 70114],
  rate_limit: [60007, 60011, 60018, 60019, 70050],
  invalid_request: [60002, 60003, 60009, 60012, 60015, 70107, 70206, 70402, 71000, 100002, 100300, 100301, 100302],
  server: [60008, 60013, 60014, 70169, 70202, 70500, 100001],
  config: [60006, 60010, 60021, 70016, 70020, 70403],
  fatal: [60016, 60017, 60020, 70051, 70398],
};

/** Codes Tencent asks to retry only after a one-minute pause: 70050, UserSig checks failed too often. */
const COOLDOWN_CODES: readonly number[] = [70050];

let categoryByCode: Map<number, ErrorCategory> | undefined;

/**
 * Classifies a Tencent `ErrorCode`: server-side codes are `transient` (retried with backoff), rate-limit codes
 * `rate_limit` (retried with a longer backoff) except 70050, which is `cooldown` (retry it yourself after one
 * minute), everything else is never retried. Unknown codes are `unknown`.
 */
export function classifyErrorCode(code: number): ErrorClassification {
  categoryByCode ??= new Map(
    Object.entries(codesByCategory).flatMap(([category, codes]) => codes.map((known) => [known, category as ErrorCategory] as const)),
  );
  const category = categoryByCode.get(code) ?? 'unknown';
  if (COOLDOWN_CODES.includes(code)) return { category, retry: 'cooldown' };
  return { category, retry: category === 'server' ? 'transient' : category === 'rate_limit' ? 'rate_limit' : 'none' };
}
