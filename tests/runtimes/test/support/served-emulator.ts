import { createEmulator, type Emulator } from '@tokenwire/emulator';
import { serveEmulator } from '@tokenwire/emulator/serve';
import { AICC, TENCENT } from '../../scenario/fixture.mjs';

export interface ServedEmulator {
  readonly emulator: Emulator;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  close(): Promise<void>;
}

/** A fresh emulator (Tencent and AICC) served over HTTP on 127.0.0.1 and a free port. */
export async function startServedEmulator(): Promise<ServedEmulator> {
  const emulator = createEmulator({ tencent: TENCENT, aicc: AICC });
  const served = await serveEmulator(emulator, { port: 0, hostname: '127.0.0.1' });
  return {
    emulator,
    url: served.url,
    async close() {
      await served.close();
      emulator.close();
    },
  };
}
