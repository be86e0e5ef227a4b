// The AICC app of the worker's gateway tests: its API Fabric credentials, a channel, and the worker's bindings for it.
import { JWT_SECRET } from './user-jwt.js';

export const APP_KEY = 'aicc-app-key-edge-0001';
export const APP_SECRET = 'aicc-app-secret-edge-9f8e7d6c5b4a3210';
export const CHANNEL = 'web-channel-1';

/** The worker's AICC gateway bindings (the emulated AICC answers at `AICC_BASE_URL` through the outbound handler). */
export const AICC_BINDINGS = {
  AICC_BASE_URL: 'https://aicc.emulator.test',
  AICC_APP_KEY: APP_KEY,
  AICC_APP_SECRET: APP_SECRET,
  USER_JWT_SECRET: JWT_SECRET,
} as const;
