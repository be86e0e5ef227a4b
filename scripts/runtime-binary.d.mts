/** The absolute path of the `bun` or `deno` binary of the npm packages' platform dependency, or of Node itself. */
export declare function runtimeBinary(runtime: 'node' | 'bun' | 'deno'): string;
