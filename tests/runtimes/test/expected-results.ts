// What the smoke scenario must return on every runtime (besides `runtime`). Written out in full, not recorded from
// a run: the UserSig signature and callback Sign are the reference vectors (tencent-rest.md §3.2, §4.7 vector A),
// the rest is the documented behaviour of the packages and the emulator.

const userSigDocument = {
  version: '2.0',
  identifier: 'xiaojun',
  sdkAppId: 1400000000,
  time: 1700000000,
  expire: 15552000,
  expiresAt: 1715552000,
  expiresAtSeconds: 1715552000,
  signature: 'LvA7d/Iw7gSsnskvVzBDPOCCDbuNCw4GHwTC0bip+B4=',
};

const userSigError = (reason: string) => ({ name: 'UserSigError', tokenwireError: true, reason, retryable: false, leaksSecret: false });
const callbackError = (reason: string) => ({
  name: 'CallbackSignatureError',
  tokenwireError: true,
  reason,
  retryable: false,
  leaksSecret: false,
});
const tencentError = (code: number) => ({ name: 'TencentApiError', tokenwireError: true, code, retryable: false, leaksSecret: false });

export const EXPECTED_RESULTS = {
  userSig: {
    decoded: userSigDocument,
    verified: userSigDocument,
    failures: {
      wrongKey: userSigError('signature_mismatch'),
      expired: userSigError('expired'),
      wrongIdentifier: userSigError('identifier_mismatch'),
      tampered: userSigError('malformed'),
    },
  },
  callbackSignature: {
    sign: '17773bc39a671d7b9aa835458704d2a6db81360a5940292b587d6d760d484061',
    accepted: true,
    acceptedDuringRotation: true,
    failures: {
      wrongToken: callbackError('signature_mismatch'),
      stale: callbackError('stale_request_time'),
    },
  },
  liveConfig: {
    beforeSet: tencentError(100301),
    callback: { url: 'https://hooks.example.test/tencent', commands: ['Live.CallbackAfterCreateRoom', 'Live.CallbackAfterDestroyRoom'] },
    callbackToken: { token: 'SmokeToken0123456789', enabled: true },
    wrongKey: tencentError(70009),
  },
  aicc: {
    accessToken: true,
    messageToken: { isString: true, lifetimeMs: 3_600_000 },
    sentKeys: ['resultCode', 'resultDesc'],
    received: [
      { sourceType: 'ROBOT', mediaType: 'TEXT', content: 'connected to robot' },
      {
        sourceType: 'ROBOT',
        mediaType: 'TEXT',
        content: 'Hello Ada, I am the virtual assistant. Ask me about passwords, orders, refunds or shipping, or ask for a human agent.',
      },
      { sourceType: 'ROBOT', mediaType: 'TEXT', content: 'Open Settings > Security > Reset password and follow the link we email you.' },
    ],
    rejected: { name: 'FabricAuthError', tokenwireError: true, reason: 'credentials_rejected', retryable: false, leaksSecret: false },
  },
};
