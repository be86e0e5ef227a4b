// The apps the emulator is configured with and the scenario calls. Shared by the scenario (every runtime) and the
// Node test that starts the emulator, so both sides agree. Test-only credentials.

/** The Tencent sample app of the official TLSSigAPIv2 libraries (reference: tencent-rest.md §4.7). */
export const TENCENT = {
  sdkAppId: 1400000000,
  secretKey: '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e',
  admins: ['administrator'],
};

export const AICC = {
  appKey: 'runtime-smoke-app-key',
  appSecret: 'runtime-smoke-app-secret-0123456789',
  channels: ['web-channel-1'],
  pollHoldMs: 200,
};
