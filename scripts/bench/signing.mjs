// UserSig and callback-signature throughput against the official library and the platform's native crypto,
// measured with tinybench in alternating rounds (ours, theirs, ours, theirs, …) and compared by the medians.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { Bench } from 'tinybench';
import { formatCount, median, root } from './stats.mjs';

const require = createRequire(join(root, 'package.json'));

export async function benchSigning({ rounds, roundMs }) {
  const { genUserSig, signCallback, verifyCallback, verifyUserSig } = await import(join(root, 'packages/core/dist/index.js'));
  const { Api: OfficialApi } = require('tls-sig-api-v2');

  const sdkAppId = 1400000000;
  const secretKey = '5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e';
  const official = new OfficialApi(sdkAppId, secretKey);

  // The official library has no verifier; the baseline verifies the way the official Go/PHP libraries do, with
  // the platform's native zlib and HMAC.
  function nodeNativeVerify(userSig) {
    const json = inflateSync(Buffer.from(userSig.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '='), 'base64')).toString();
    const doc = JSON.parse(json);
    if (doc['TLS.sdkappid'] !== sdkAppId || doc['TLS.identifier'] !== 'xiaojun') throw new Error('mismatch');
    if (Date.now() / 1000 > doc['TLS.time'] + doc['TLS.expire']) throw new Error('expired');
    const content = `TLS.identifier:${doc['TLS.identifier']}\nTLS.sdkappid:${doc['TLS.sdkappid']}\nTLS.time:${doc['TLS.time']}\nTLS.expire:${doc['TLS.expire']}\n`;
    const expected = createHmac('sha256', secretKey).update(content).digest();
    if (!timingSafeEqual(expected, Buffer.from(doc['TLS.sig'], 'base64'))) throw new Error('sig');
    return doc;
  }

  function nodeNativeVerifyCallback(token, sign, requestTime) {
    const expected = createHash('sha256')
      .update(token + requestTime)
      .digest();
    if (!timingSafeEqual(expected, Buffer.from(sign, 'hex'))) throw new Error('sig');
  }

  const userSig = genUserSig({ sdkAppId, secretKey, identifier: 'xiaojun' });
  const requestTime = Math.floor(Date.now() / 1000);
  const token = 'callback-token-0123456789abcdefghijklmnopqrstuvwxyz';
  const sign = signCallback({ token, requestTime });
  const requestTimeText = String(requestTime);

  // Both sides must agree before they are timed.
  verifyUserSig(userSig, { sdkAppId, secretKey, identifier: 'xiaojun' });
  nodeNativeVerify(official.genUserSig('xiaojun', 15552000));
  nodeNativeVerify(userSig);
  verifyCallback({ tokens: token, sign, requestTime: requestTimeText });
  nodeNativeVerifyCallback(token, sign, requestTimeText);

  const pairs = [
    {
      name: 'genUserSig',
      ours: () => genUserSig({ sdkAppId, secretKey, identifier: 'xiaojun' }),
      theirs: () => official.genUserSig('xiaojun', 15552000),
      theirsLabel: 'tls-sig-api-v2',
      budget: 2,
    },
    {
      name: 'verifyUserSig',
      ours: () => verifyUserSig(userSig, { sdkAppId, secretKey, identifier: 'xiaojun' }),
      theirs: () => nodeNativeVerify(userSig),
      theirsLabel: 'node zlib+crypto (official verifier recipe)',
    },
    {
      name: 'verifyCallback',
      ours: () => verifyCallback({ tokens: token, sign, requestTime: requestTimeText }),
      theirs: () => nodeNativeVerifyCallback(token, sign, requestTimeText),
      theirsLabel: 'node crypto sha256+timingSafeEqual',
    },
  ];

  async function opsPerSecond(fn) {
    const bench = new Bench({ time: roundMs, warmupTime: 50 });
    bench.add('task', fn);
    await bench.run();
    return bench.tasks[0].result.throughput.mean;
  }

  const rows = [];
  for (const pair of pairs) {
    const ours = [];
    const theirs = [];
    for (let round = 0; round < rounds; round++) {
      ours.push(await opsPerSecond(pair.ours));
      theirs.push(await opsPerSecond(pair.theirs));
    }
    const ratio = median(ours) / median(theirs);
    const ok = pair.budget === undefined || ratio >= pair.budget;
    rows.push({
      benchmark: `${pair.name} ops/s`,
      tokenwire: formatCount(median(ours)),
      baseline: `${formatCount(median(theirs))} (${pair.theirsLabel})`,
      ratio: `${ratio.toFixed(2)}×`,
      budget: pair.budget === undefined ? '—' : `≥ ${pair.budget}×`,
      ok: pair.budget === undefined ? undefined : ok,
    });
  }
  return { rows, note: `signing: ${rounds} alternating rounds of ${roundMs} ms per side (tinybench), medians` };
}
