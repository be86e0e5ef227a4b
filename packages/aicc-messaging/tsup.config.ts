import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.js';

// Two entries: the browser-safe main entry, and the server-side gateway handler (`./gateway`), which only servers
// import — so the browser chat bundle never carries it.
export default defineConfig(packageBuild({ entry: { index: 'src/index.ts', gateway: 'src/gateway-server/index.ts' } }));
