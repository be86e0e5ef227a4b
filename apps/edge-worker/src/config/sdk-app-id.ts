import * as v from 'valibot';
import { requiredText } from './read-bindings.js';

const SDK_APP_ID_MESSAGE = 'must be the decimal SDKAppID (1 to 4294967295)';

/** `TENCENT_SDK_APP_ID`: a decimal integer from 1 to 4294967295, required. */
export const sdkAppIdBinding = v.pipe(
  requiredText,
  v.check((text) => /^[1-9]\d{0,9}$/.test(text) && Number(text) <= 4_294_967_295, SDK_APP_ID_MESSAGE),
  v.transform(Number),
);
