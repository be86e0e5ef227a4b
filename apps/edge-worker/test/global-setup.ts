// Builds dist/ once before any test file runs (the files run in parallel and all load the same bundle).
import { ensureBuilt } from './support/build-worker.js';

export default function setup(): void {
  ensureBuilt();
}
