// The deno and bun executables and their environment come from the repository's shared scripts
// (scripts/runtime-binary.mjs, scripts/runtime-env.mjs).
export { runtimeBinary } from '../../../../scripts/runtime-binary.mjs';
export { runtimeEnvironment } from '../../../../scripts/runtime-env.mjs';
