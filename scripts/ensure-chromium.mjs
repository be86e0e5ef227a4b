#!/usr/bin/env node
// First step of `pnpm test`: the browser tests drive real Chromium (Debian's package, through playwright-core;
// no browser is ever downloaded). When it is missing, install it with apt-get (as root, or through sudo) so the
// README's test command works on a fresh Debian machine with only Node and npm; elsewhere say what to do.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const fail = (why) => {
  console.error(`Chromium is needed by the browser tests and is not at ${path}: ${why}.`);
  console.error('Install it (Debian/Ubuntu: apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium executable.');
  process.exit(1);
};
if (process.env.CHROMIUM_PATH !== undefined) fail('CHROMIUM_PATH points to nothing');
if (!existsSync('/usr/bin/apt-get')) fail('this is not a Debian-like system, so it cannot be installed here');
const root = typeof process.getuid === 'function' && process.getuid() === 0;
const sudo = !root && spawnSync('sudo', ['-n', 'true']).status === 0;
if (!root && !sudo) fail('installing it needs root or password-less sudo');

const apt = (...args) => {
  const [command, argv] = root ? ['apt-get', args] : ['sudo', ['-n', 'apt-get', ...args]];
  console.error(`$ ${root ? '' : 'sudo '}apt-get ${args.join(' ')}`);
  const result = spawnSync(command, argv, {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) fail(`apt-get ${args[0]} exited with ${result.status}`);
};
apt('update', '-qq');
apt('install', '-y', '-qq', 'chromium');
if (!existsSync(path)) fail('apt-get installed chromium but not at this path');
console.error(`Chromium installed at ${path}.`);
