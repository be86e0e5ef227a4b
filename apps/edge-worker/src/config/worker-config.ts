import { readAiccConfig, type AiccConfig } from './aicc-config.js';
import { readCallbackConfig, type CallbackConfig } from './callback-config.js';
import { readCorsConfig, type CorsConfig } from './cors-config.js';
import type { Bindings, Configured } from './read-bindings.js';
import { readUserSigConfig, type UserSigConfig } from './usersig-config.js';

/** Every configuration section, each read (and validated) on first use. */
export interface WorkerConfig {
  readonly callback: Configured<CallbackConfig>;
  readonly userSig: Configured<UserSigConfig>;
  readonly aicc: Configured<AiccConfig>;
  readonly cors: Configured<CorsConfig>;
}

const cache = new WeakMap<object, WorkerConfig>();

function lazy<T>(read: () => T): () => T {
  let value: { readonly current: T } | undefined;
  return () => (value ??= { current: read() }).current;
}

/**
 * The configuration of an env object. Sections are parsed on first use and cached per env object (workerd hands
 * the same object to every request of an isolate), so a request pays only for the sections its route needs, once.
 */
export function workerConfig(env: Bindings): WorkerConfig {
  let config = cache.get(env);
  if (config === undefined) {
    const callback = lazy(() => readCallbackConfig(env));
    const userSig = lazy(() => readUserSigConfig(env));
    const aicc = lazy(() => readAiccConfig(env));
    const cors = lazy(() => readCorsConfig(env));
    config = {
      get callback() {
        return callback();
      },
      get userSig() {
        return userSig();
      },
      get aicc() {
        return aicc();
      },
      get cors() {
        return cors();
      },
    };
    cache.set(env, config);
  }
  return config;
}
