import packageJson from '../package.json' with { type: 'json' };

/** The CLI's version (all tokenwire packages version together). */
export const VERSION: string = packageJson.version;

/** The runtime the CLI runs on, e.g. `node 20.20.2`, `bun 1.4.5`, `deno 2.9.6`. */
export function runtimeDescription(): string {
  const runtime = globalThis as { Deno?: { version?: { deno?: string } }; Bun?: { version?: string } };
  if (runtime.Deno?.version?.deno !== undefined) return `deno ${runtime.Deno.version.deno}`;
  if (runtime.Bun?.version !== undefined) return `bun ${runtime.Bun.version}`;
  return `node ${process.versions.node}`;
}
