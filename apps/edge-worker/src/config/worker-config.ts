import { type AiccConfig, readAiccConfig } from './aicc-config.js';
import { type CallbackConfig, readCallbackConfig } from './callback-config.js';
import { type CorsConfig, readCorsConfig } from './cors-config.js';
import type { Bindings, Configured } from './read-bindings.js';
import { readUserSigConfig, type UserSigConfig } from './user-sig-config.js';

/** Every configuration section, each read (and validated) on first use. */
export interface WorkerConfig {
  readonly callback: Configured<CallbackConfig>;
  readonly userSig: Configured<UserSigConfig>;
  readonly aicc: Configured<AiccConfig>;
  readonly cors: Configured<CorsConfig>;
}

const cache = new WeakMap<object, WorkerConfig>();

/**
 * The configuration of an env object. Sections are parsed on first use and cached per env object (workerd hands
 * the same object to every request of an isolate), so a request pays only for the sections its route needs, once.
 */
export function workerConfig(env: Bindings): WorkerConfig {
  let config = cache.get(env);
  if (config === undefined) {
    const sections: Partial<{ -readonly [Section in keyof WorkerConfig]: WorkerConfig[Section] }> = {};
    config = {
      get callback() {
        sections.callback ??= readCallbackConfig(env);
        return sections.callback;
      },
      get userSig() {
        sections.userSig ??= readUserSigConfig(env);
        return sections.userSig;
      },
      get aicc() {
        sections.aicc ??= readAiccConfig(env);
        return sections.aicc;
      },
      get cors() {
        sections.cors ??= readCorsConfig(env);
        return sections.cors;
      },
    };
    cache.set(env, config);
  }
  return config;
}
