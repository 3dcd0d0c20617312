#!/usr/bin/env node
// Safe build: never leaves a half-built or stale site behind.
//
//   node scripts/build.mjs [extra astro build flags, e.g. --force]      (npm run build)
//   BASE_PATH=/kz/ OUT_DIR=dist-kz node scripts/build.mjs
//
// 1. Runs `astro build` with the current Node into a temporary folder next to the target
//    (`.build-tmp-<pid>-<name>`), so a failed build can't touch the published one. The content is
//    read, validated and judged inside that build, once (src/content.config.ts, get-site.ts), by
//    the code `npm run check:content` runs: a content problem stops it with the same list.
// 2. Only when the build succeeded: renames the old target to `.build-old-<pid>-<name>`, moves the
//    new build into place, deletes the old one. On failure it removes the temporary folder, leaves
//    the previous target byte-for-byte as it was, and exits non-zero (astro's output stays visible).
//
// The target is $OUT_DIR (relative to the project root) or dist/.

import { spawn } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The first line of the content report when the content has problems (src/content/check.ts). */
const CONTENT_FAILED = /^content check FAILED: /m;

/** Absolute path of the astro CLI entry, from astro's own package.json `bin`. */
function astroBin() {
  const require = createRequire(import.meta.url);
  const pkgFile = require.resolve('astro/package.json', { paths: [ROOT] });
  /** @type {{ bin?: string | Record<string, string> }} */
  const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.['astro'];
  if (!bin) throw new Error(`no "astro" bin in ${pkgFile}`);
  return path.join(path.dirname(pkgFile), bin);
}

/** @type {import('node:child_process').ChildProcess | undefined} */
let child;
/** @type {string | undefined} */
let tempDir;

/**
 * Runs a Node script with the current Node, output passed through (stderr also kept, to tell a
 * content problem from any other failure). Resolves with the exit code and stderr.
 * @param {string[]} args
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<{ code: number, stderr: string }>}
 */
function runNode(args, env) {
  return new Promise((resolve, reject) => {
    let stderr = '';
    child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['inherit', 'inherit', 'pipe'] });
    child.stderr?.on('data', (chunk) => {
      process.stderr.write(chunk);
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      child = undefined;
      resolve({ code: code ?? (signal ? 128 + (signal === 'SIGINT' ? 2 : 15) : 1), stderr });
    });
  });
}

function cleanupTemp() {
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  tempDir = undefined;
}

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    child?.kill(signal);
    cleanupTemp();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

/** @param {string} message */
function fail(message) {
  console.error(`\nbuild FAILED: ${message}`);
  return 1;
}

async function main() {
  const target = path.resolve(ROOT, process.env['OUT_DIR'] || 'dist');
  const rel = path.relative(ROOT, target) || target;
  if (target === ROOT || ROOT.startsWith(target + path.sep)) return fail(`refusing to build into ${target}`);
  const name = path.basename(target);
  const parent = path.dirname(target);
  const started = Date.now();

  tempDir = path.join(parent, `.build-tmp-${process.pid}-${name}`);
  rmSync(tempDir, { recursive: true, force: true });
  const astroArgs = [astroBin(), 'build', ...process.argv.slice(2)];
  const { code, stderr } = await runNode(astroArgs, { ...process.env, OUT_DIR: tempDir });
  if (code !== 0) {
    cleanupTemp();
    if (CONTENT_FAILED.test(stderr)) return fail(`the content has problems (listed above); ${rel}/ was left untouched`);
    return fail(`astro build exited with code ${code} (its output is above); ${rel}/ was left untouched`);
  }
  if (!existsSync(path.join(tempDir, 'index.html'))) {
    cleanupTemp();
    return fail(`astro build produced no index.html; ${rel}/ was left untouched`);
  }
  // Astro's own intermediate folder, in case a future version leaves it behind.
  rmSync(path.join(tempDir, '.prerender'), { recursive: true, force: true });

  const old = path.join(parent, `.build-old-${process.pid}-${name}`);
  const hadOld = existsSync(target);
  if (hadOld) renameSync(target, old);
  try {
    renameSync(tempDir, target);
  } catch (error) {
    if (hadOld) renameSync(old, target);
    cleanupTemp();
    return fail(`could not move the new build into ${rel}/: ${/** @type {Error} */ (error).message}`);
  }
  tempDir = undefined;
  if (hadOld) rmSync(old, { recursive: true, force: true });
  console.log(`\nbuild OK: ${rel}/ replaced in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    cleanupTemp();
    console.error(error);
    process.exitCode = 1;
  },
);
