#!/usr/bin/env node
// House rule: everything under packages/ runs in browsers and edge workers, so it may only use web-standard APIs.
// This check fails when shipped package source reaches for Node: a Node built-in module (`node:*` or a bare
// built-in name such as 'fs'), a Node global (`process`, `Buffer`, `global`, `__dirname`, `setImmediate`,
// `require`, ...), Node types (`/// <reference types="node" />`, `NodeJS.*`), or a Node-only adapter.
//
// Scanned: .ts/.tsx/.mts/.cts/.js/.jsx/.mjs/.cjs files under packages/*/src.
// Exempt: test files (`*.test.*`, `*.spec.*`, `test/`, `tests/`, `__tests__/`, `test-harness.*`) and the runtime
// adapters named `*.node.ts`, which are reachable only through a `node` export condition; neutral code that
// imports either fails the check.
//
// Each file is parsed with the TypeScript compiler, so comments, strings and property names (`job.process`,
// `{ process: 1 }`) never count, and a name declared in the file itself (`const process = ...`, a parameter
// called `Buffer`) is not the Node global. An ambient `declare const process` still is. It cannot see through
// computed names (`globalThis[name]`, `eval`); each package's `lint` task (tsc -p tsconfig.src.json: the sources alone,
// with no ambient types, so a Node global or node:* import is a type error) backs it up.
//
// Usage: node scripts/check-runtime-neutral.mjs [root]   (root defaults to the repository; exit 1 on any hit)
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

const sourceExtension = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const nodeAdapterFile = /\.node\.(?:[cm]?[jt]s|[jt]sx)$/;
const testFile = /(?:\.(?:test|spec)\.(?:[cm]?[jt]s|[jt]sx)|(?:^|\/)test-harness\.(?:[cm]?[jt]s|[jt]sx))$/;
const skippedDirectory = new Set(['node_modules', 'dist', 'coverage', 'test', 'tests', '__tests__']);

/** Free identifiers that only exist in Node, with the reason shown to the developer. */
const nodeGlobals = new Map([
  ['process', 'uses process (inject configuration instead)'],
  ['Buffer', 'uses Buffer (use Uint8Array)'],
  ['global', 'uses the Node `global` object (use globalThis)'],
  ['__dirname', 'uses __dirname (Node CommonJS only; use import.meta.url)'],
  ['__filename', 'uses __filename (Node CommonJS only; use import.meta.url)'],
  ['setImmediate', 'uses setImmediate (use setTimeout or queueMicrotask)'],
  ['clearImmediate', 'uses clearImmediate (use setTimeout/clearTimeout or queueMicrotask)'],
  ['require', 'uses require (CommonJS; use import)'],
  ['module', 'uses the CommonJS `module` object (use export)'],
  ['exports', 'uses the CommonJS `exports` object (use export)'],
  ['NodeJS', 'uses the NodeJS type namespace (e.g. ReturnType<typeof setTimeout> instead of NodeJS.Timeout)'],
]);

/** Names under which code reaches the global object; `global` itself is already a Node global above. */
const globalObjects = new Set(['globalThis', 'self', 'window', 'global']);

const builtins = new Set(builtinModules);

/** True for `node:*` and for a Node built-in named without the prefix ('fs', 'fs/promises', 'crypto'). */
export function isNodeBuiltin(specifier) {
  if (specifier.startsWith('node:')) return true;
  return builtins.has(specifier) || builtins.has(specifier.split('/')[0]);
}

const isRelative = (specifier) => specifier.startsWith('./') || specifier.startsWith('../');
const isNodeAdapterSpecifier = (specifier) => /\.node(?:\.(?:[cm]?[jt]s|[jt]sx))?$/.test(specifier);
const isTestSpecifier = (specifier) =>
  isRelative(specifier) &&
  (/\.(?:test|spec)(?:\.(?:[cm]?[jt]s|[jt]sx))?$/.test(specifier) ||
    /(?:^|\/)test-harness(?:\.(?:[cm]?[jt]s|[jt]sx))?$/.test(specifier) ||
    /(?:^|\/)(?:test|tests|__tests__)\//.test(specifier));

/** Whether a path (relative to its package's src/) is exempt from the rule. */
export function isExempt(pathInSource) {
  const posix = pathInSource.split(sep).join('/');
  return nodeAdapterFile.test(posix) || testFile.test(posix) || posix.split('/').some((part) => skippedDirectory.has(part));
}

function* walk(directory) {
  for (const name of readdirSync(directory).sort()) {
    const path = join(directory, name);
    const stats = statSync(path);
    if (stats.isDirectory()) {
      if (!skippedDirectory.has(name)) yield* walk(path);
    } else if (stats.isFile() && sourceExtension.test(name)) {
      yield path;
    }
  }
}

/** The files the rule applies to: sources under `<root>/packages/<name>/src`, minus the exemptions. */
export function neutralSourceFiles(root) {
  const packagesDirectory = join(root, 'packages');
  const files = [];
  let packages = [];
  try {
    packages = readdirSync(packagesDirectory).sort();
  } catch {
    return files;
  }
  for (const name of packages) {
    const source = join(packagesDirectory, name, 'src');
    let isDirectory = false;
    try {
      isDirectory = statSync(source).isDirectory();
    } catch {
      // a package without src/ has nothing to check
    }
    if (!isDirectory) continue;
    for (const file of walk(source)) {
      if (!isExempt(relative(source, file))) files.push(file);
    }
  }
  return files;
}

/** Strips parentheses, `as`, `satisfies`, `!` and `<T>` casts: `(globalThis as any)` is `globalThis`. */
function unwrap(expression) {
  let current = expression;
  while (
    ts.isParenthesizedExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isSatisfiesExpression(current) ||
    ts.isNonNullExpression(current) ||
    ts.isTypeAssertionExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}

const stringValue = (node) => (node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined);

/**
 * Whether an identifier stands for a value or type looked up by name, rather than naming a property, a member,
 * a label, an attribute or a declaration.
 */
function isNameReference(identifier) {
  const parent = identifier.parent;
  if (!parent) return false;
  if (ts.isShorthandPropertyAssignment(parent)) return parent.name === identifier;
  if (ts.isPropertyAccessExpression(parent)) return parent.expression === identifier;
  if (ts.isQualifiedName(parent)) {
    if (parent.right === identifier) return false;
    // `import('x').NodeJS.Timeout`: the qualifier of an import type names an export, not a global.
    let top = parent;
    while (ts.isQualifiedName(top.parent)) top = top.parent;
    return !(ts.isImportTypeNode(top.parent) && top.parent.qualifier === top);
  }
  if (ts.isImportTypeNode(parent)) return parent.qualifier !== identifier;
  if (ts.isMetaProperty(parent) || ts.isJsxAttribute(parent) || ts.isExportSpecifier(parent)) return false;
  if (
    (ts.isJsxOpeningElement(parent) || ts.isJsxSelfClosingElement(parent) || ts.isJsxClosingElement(parent)) &&
    /^[a-z]/.test(identifier.text)
  ) {
    return false; // <process /> is an intrinsic element
  }
  if (parent.name === identifier || parent.propertyName === identifier || parent.label === identifier) return false;
  return true;
}

/**
 * In JavaScript the checker also records assignments (`module.exports = ...`, `exports.x = ...`,
 * `Object.defineProperty(exports, ...)`) and the file itself as "declarations" of CommonJS names; those declare
 * nothing.
 */
function isDeclaration(node) {
  return !(
    ts.isSourceFile(node) ||
    ts.isBinaryExpression(node) ||
    ts.isPropertyAccessExpression(node) ||
    ts.isElementAccessExpression(node) ||
    ts.isCallExpression(node)
  );
}

function isAmbient(declaration) {
  return (declaration.flags & ts.NodeFlags.Ambient) !== 0 || declaration.getSourceFile().isDeclarationFile;
}

/** Checks one parsed file; `report(node, reason)` is called for each hit. */
function checkSourceFile(sourceFile, checker, report) {
  /** Declared by this file itself (not ambiently), so not the Node global of that name. */
  const declaredHere = (identifier) => {
    const symbol =
      ts.isShorthandPropertyAssignment(identifier.parent) && identifier.parent.name === identifier
        ? checker.getShorthandAssignmentValueSymbol(identifier.parent)
        : checker.getSymbolAtLocation(identifier);
    const declarations = symbol?.declarations ?? [];
    return declarations.some(
      (declaration) => isDeclaration(declaration) && declaration.getSourceFile() === sourceFile && !isAmbient(declaration),
    );
  };
  const isGlobalObject = (expression) => {
    const target = unwrap(expression);
    return ts.isIdentifier(target) && globalObjects.has(target.text) && !declaredHere(target);
  };
  const handled = new Set();

  const checkSpecifier = (specifierNode, how) => {
    const specifier = stringValue(specifierNode);
    if (specifier === undefined) {
      // import(`node:${name}`)
      if (specifierNode && ts.isTemplateExpression(specifierNode) && specifierNode.head.text.startsWith('node:')) {
        report(specifierNode, `${how} a node:* module`);
      }
      return;
    }
    if (isNodeBuiltin(specifier)) {
      report(
        specifierNode,
        specifier.startsWith('node:') ? `${how} a node:* module ('${specifier}')` : `${how} the Node built-in module '${specifier}'`,
      );
    } else if (isNodeAdapterSpecifier(specifier)) {
      report(specifierNode, `${how} a Node-only adapter ('${specifier}'); neutral code may not reach *.node.ts`);
    } else if (isTestSpecifier(specifier)) {
      report(specifierNode, `${how} a test-only file ('${specifier}')`);
    }
  };

  for (const directive of sourceFile.typeReferenceDirectives) {
    const name = directive.fileName.toLowerCase();
    if (name === 'node' || name.startsWith('node/') || name === '@types/node') {
      report({ pos: directive.pos }, 'references Node types (/// <reference types="node" />)');
    }
  }
  for (const reference of sourceFile.referencedFiles) {
    if (/(?:^|\/)@types\/node(?:\/|$)/.test(reference.fileName)) report({ pos: reference.pos }, 'references Node types');
  }

  const visit = (node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
      if (node.moduleSpecifier) checkSpecifier(node.moduleSpecifier, ts.isImportDeclaration(node) ? 'imports' : 're-exports');
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      checkSpecifier(node.moduleReference.expression, 'imports');
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      checkSpecifier(node.argument.literal, 'imports types from');
    } else if (ts.isCallExpression(node)) {
      const callee = unwrap(node.expression);
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        checkSpecifier(node.arguments[0], 'dynamically imports');
      } else if (ts.isIdentifier(callee) && callee.text === 'require' && !declaredHere(callee)) {
        const specifier = stringValue(node.arguments[0]);
        if (specifier !== undefined && (isNodeBuiltin(specifier) || isNodeAdapterSpecifier(specifier) || isTestSpecifier(specifier))) {
          checkSpecifier(node.arguments[0], 'requires');
          handled.add(callee);
        }
      }
      // Reflect.get(globalThis, 'process'), Object.getOwnPropertyDescriptor(globalThis, 'Buffer'), ...
      if (node.arguments.some((argument) => isGlobalObject(argument))) {
        for (const argument of node.arguments) {
          const name = stringValue(argument);
          if (name !== undefined && nodeGlobals.has(name)) report(argument, `${nodeGlobals.get(name)} (through the global object)`);
        }
      }
    } else if (ts.isPropertyAccessExpression(node)) {
      // globalThis.process, globalThis?.Buffer, (globalThis as any).process
      if (ts.isIdentifier(node.name) && nodeGlobals.has(node.name.text) && isGlobalObject(node.expression)) {
        report(node.name, `${nodeGlobals.get(node.name.text)} (through the global object)`);
      }
      // import.meta.dirname / import.meta.filename (Node 20.11+)
      const target = unwrap(node.expression);
      if (
        ts.isMetaProperty(target) &&
        target.keywordToken === ts.SyntaxKind.ImportKeyword &&
        ['dirname', 'filename'].includes(node.name.text)
      ) {
        report(node.name, `uses import.meta.${node.name.text} (Node only; use import.meta.url)`);
      }
    } else if (ts.isElementAccessExpression(node)) {
      // globalThis['process']
      const name = stringValue(node.argumentExpression);
      if (name !== undefined && nodeGlobals.has(name) && isGlobalObject(node.expression)) {
        report(node.argumentExpression, `${nodeGlobals.get(name)} (through the global object)`);
      }
    } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.InKeyword) {
      // 'process' in globalThis
      const name = stringValue(node.left);
      if (name !== undefined && nodeGlobals.has(name) && isGlobalObject(node.right)) {
        report(node.left, `${nodeGlobals.get(name)} (probes the global object)`);
      }
    } else if (
      ts.isVariableDeclaration(node) &&
      ts.isObjectBindingPattern(node.name) &&
      node.initializer &&
      isGlobalObject(node.initializer)
    ) {
      // const { process, Buffer: B } = globalThis
      for (const element of node.name.elements) {
        const key = element.propertyName ?? element.name;
        const name = ts.isIdentifier(key) ? key.text : stringValue(key);
        if (name !== undefined && nodeGlobals.has(name)) report(key, `${nodeGlobals.get(name)} (through the global object)`);
      }
    } else if (ts.isIdentifier(node)) {
      if (nodeGlobals.has(node.text) && !handled.has(node) && isNameReference(node) && !declaredHere(node)) {
        report(node, nodeGlobals.get(node.text));
      }
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sourceFile, visit);
}

/**
 * Finds every use of a Node-only API in the runtime-neutral sources under `<root>/packages/*\/src`.
 * Each hit has the file (relative to root, with `/`), 1-based line and column, the reason and the source line.
 */
export function findRuntimeViolations(root) {
  const absoluteRoot = resolve(root);
  const files = neutralSourceFiles(absoluteRoot);
  if (files.length === 0) return [];
  // One program so names resolve; no lib, no @types and no module resolution: an unresolved name is a global
  // this file did not declare, and only the files under check are parsed.
  const program = ts.createProgram(files, {
    allowJs: true,
    noLib: true,
    noResolve: true,
    types: [],
    jsx: ts.JsxEmit.Preserve,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleDetection: ts.ModuleDetectionKind.Force,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const violations = [];
  const seen = new Set();
  for (const file of files) {
    const sourceFile = program.getSourceFile(file);
    if (!sourceFile) continue;
    const relativePath = relative(absoluteRoot, file).split(sep).join('/');
    const lines = sourceFile.text.split(/\r?\n/);
    checkSourceFile(sourceFile, checker, (node, reason) => {
      const start = typeof node.getStart === 'function' ? node.getStart(sourceFile) : node.pos;
      const { line, character } = sourceFile.getLineAndCharacterOfPosition(start);
      const key = `${relativePath}:${line}:${character}:${reason}`;
      if (seen.has(key)) return;
      seen.add(key);
      violations.push({ file: relativePath, line: line + 1, column: character + 1, reason, text: (lines[line] ?? '').trim() });
    });
  }
  return violations.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/** `file:line:column: reason` and the offending line, indented. */
export function formatViolation(violation) {
  return `${violation.file}:${violation.line}:${violation.column}: ${violation.reason}\n    ${violation.text}`;
}

function main() {
  const defaultRoot = fileURLToPath(new URL('..', import.meta.url));
  const root = resolve(process.argv[2] ?? defaultRoot);
  const violations = findRuntimeViolations(root);
  if (violations.length > 0) {
    console.error(
      `Runtime-neutrality check failed: packages/ must use web-standard APIs only (${violations.length} problem${violations.length === 1 ? '' : 's'}).\n\n${violations.map(formatViolation).join('\n')}`,
    );
    process.exit(1);
  }
  console.log('Runtime-neutrality check passed: packages/ use web-standard APIs only.');
}

const invokedPath = process.argv[1] ? realpathSync(resolve(process.argv[1])) : undefined;
if (invokedPath && import.meta.url === pathToFileURL(invokedPath).href) main();
