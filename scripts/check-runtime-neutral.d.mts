/** One use of a Node-only API in runtime-neutral package source. */
export interface RuntimeViolation {
  /** Path relative to the scanned root, with `/` separators. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  reason: string;
  /** The offending source line, trimmed. */
  text: string;
}

/** Every use of a Node-only API in the sources under `<root>/packages/*\/src` (tests and `*.node.ts` exempt). */
export function findRuntimeViolations(root: string): RuntimeViolation[];

/** The files the rule applies to, as absolute paths. */
export function neutralSourceFiles(root: string): string[];

/** Whether a path relative to a package's `src/` is exempt (a test file or a `*.node.ts` adapter). */
export function isExempt(pathInSource: string): boolean;

/** True for `node:*` and for a Node built-in named without the prefix ('fs', 'fs/promises'). */
export function isNodeBuiltin(specifier: string): boolean;

/** `file:line:column: reason` and the offending line. */
export function formatViolation(violation: RuntimeViolation): string;
