import { requireText, type Bindings } from './read-bindings.js';

/** Reads `TENCENT_SDK_APP_ID`: a decimal integer from 1 to 4294967295. */
export function readSdkAppId(env: Bindings, problems: string[]): number {
  const text = requireText(env, 'TENCENT_SDK_APP_ID', problems);
  if (text === undefined) return 0;
  const value = /^[1-9]\d{0,9}$/.test(text) ? Number(text) : Number.NaN;
  if (!(value <= 4_294_967_295)) {
    problems.push('TENCENT_SDK_APP_ID must be the decimal SDKAppID (1 to 4294967295)');
    return 0;
  }
  return value;
}
