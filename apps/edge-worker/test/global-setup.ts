// Checks once, before any test file runs, that dist/ is built and current (the files all load the same bundle).
import { assertWorkerBuilt } from './support/build-worker.js';

export default function setup(): void {
  assertWorkerBuilt();
}
