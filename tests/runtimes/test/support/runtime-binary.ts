// The deno and bun executables come from the repository's shared locator (scripts/runtime-binary.mjs).
export { runtimeBinary } from '../../../../scripts/runtime-binary.mjs';
