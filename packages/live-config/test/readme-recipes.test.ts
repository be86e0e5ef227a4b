// The README quotes each recipe in examples/ verbatim, and names the framework versions the recipe tests run on.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const examples = new URL('../examples/', import.meta.url);

/** Every `<!-- recipe: examples/<file> -->` marker and the ```ts block right after it. */
const quoted = new Map(
  [...readme.matchAll(/<!-- recipe: examples\/([\w-]+\.ts) -->\n```ts\n([\s\S]*?)```\n/g)].map((match) => [match[1]!, match[2]!]),
);

/** Stands in for the reader's own code (a wallet, a room list); the README links it rather than quoting it. */
const NOT_A_RECIPE = 'app-services.ts';

const recipes = readdirSync(examples)
  .filter((name) => name.endsWith('.ts') && name !== NOT_A_RECIPE)
  .sort();

function installedVersion(alias: string): string {
  const manifest = JSON.parse(readFileSync(new URL(`../node_modules/${alias}/package.json`, import.meta.url), 'utf8')) as {
    version: string;
  };
  return manifest.version.split('.').slice(0, 2).join('.');
}

const literal = (text: string) => text.replaceAll('.', '\\.');

describe('README recipes', () => {
  it('has every recipe file, and no other', () => {
    expect(recipes).toEqual(['callback-router.ts', 'express.ts', 'fetch.ts', 'hono.ts', 'node-http.ts']);
    expect([...quoted.keys()].sort()).toEqual(recipes);
    expect(readme).toContain(`(examples/${NOT_A_RECIPE})`);
  });

  it.each(recipes)('quotes examples/%s verbatim', (name) => {
    expect(quoted.get(name)).toBe(readFileSync(new URL(name, examples), 'utf8'));
  });

  it('names the framework versions the recipes are tested on', () => {
    const express = new RegExp(
      `tested on Express\\s+${literal(installedVersion('express4'))} and ${literal(installedVersion('express5'))}\\)`,
    );
    expect(readme).toMatch(express);
    expect(installedVersion('express4')).toMatch(/^4\./);
    expect(installedVersion('express5')).toMatch(/^5\./);
    expect(readme).toMatch(new RegExp(`Tested on Hono\\s+${literal(installedVersion('hono'))},`));
  });
});
