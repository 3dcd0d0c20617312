#!/usr/bin/env node
// Make sure a Chromium binary exists for the browser tests, which drive the system Chromium
// through playwright-core (Playwright's own browser downloads are never used).
//
// Binary: $CHROMIUM_PATH, else /usr/bin/chromium (Debian's `chromium` package).
// Missing and running as root with apt-get → `apt-get update && apt-get install -y chromium`.
// Otherwise fail with what to install. Prints the Chromium version. Fast when already installed.

import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';

const DEFAULT_PATH = '/usr/bin/chromium';
const explicit = process.env.CHROMIUM_PATH;
const chromiumPath = explicit || DEFAULT_PATH;

/** @param {string} message */
function fail(message) {
  console.error(`ensure-chromium: ${message}`);
  process.exit(1);
}

/** @param {string} file */
function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * @param {string} command
 * @param {string[]} args
 */
function run(command, args) {
  console.log(`ensure-chromium: $ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) fail(`${command} could not run: ${result.error.message}`);
  if (result.status !== 0) fail(`"${command} ${args.join(' ')}" exited with ${result.status}`);
}

if (!isExecutable(chromiumPath)) {
  const howTo =
    'Install Debian\'s Chromium ("sudo apt-get install -y chromium" on Debian; on Ubuntu the ' +
    'apt package is a snap stub that does not work in containers, use a Debian image or another ' +
    'Chromium/Chrome build) or set CHROMIUM_PATH to an existing Chromium/Chrome binary.';
  if (explicit) {
    fail(`CHROMIUM_PATH=${explicit} is not an executable file. ${howTo}`);
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    fail(`Chromium not found at ${DEFAULT_PATH} and not running as root. ${howTo}`);
  }
  if (!existsSync('/usr/bin/apt-get')) {
    fail(`Chromium not found at ${DEFAULT_PATH} and apt-get is unavailable. ${howTo}`);
  }
  console.log(`ensure-chromium: ${DEFAULT_PATH} missing, installing Debian's chromium package`);
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', 'chromium']);
  if (!isExecutable(chromiumPath)) {
    fail(`apt-get installed "chromium" but ${chromiumPath} is still missing. ${howTo}`);
  }
}

// Debian's /usr/bin/chromium is a shell wrapper that may print noise on stderr; ignore it.
const version = spawnSync(chromiumPath, ['--version'], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'ignore'],
  timeout: 30_000,
});
const line = version.stdout?.trim();
if (version.status !== 0 || !line) {
  fail(`${chromiumPath} exists but "--version" failed (status ${version.status}).`);
}
console.log(`ensure-chromium: ${line} (${chromiumPath})`);
