import { defineConfig } from 'tsup';
import { packageBuild } from '../../tsup.shared.js';

// Two entries: the browser-safe main entry, and the server-side gateway handler (`./gateway`), which only servers
// import. No shared chunks: each entry is self-contained, so the browser chat bundle is exactly what the main entry
// alone would give (a chunk boundary costs it bytes), and the gateway carries its own copy of the direct client.
export default defineConfig(packageBuild({ entry: { index: 'src/index.ts', gateway: 'src/gateway-server/index.ts' }, splitting: false }));
