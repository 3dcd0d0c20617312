/// <reference types="node" />
// Helpers shared by the quality-gate tests: run a project script with the current Node, hash a
// build folder, and serialise the tests' own `astro build` runs.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr interleaved as they arrived. */
  output: string;
  ms: number;
}

/** Runs `node <args>` (the Node running the tests) in the project root. Never rejects on exit code. */
export function runNode(args: string[], options: { env?: Record<string, string | undefined>; timeoutMs?: number } = {}): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' };
    for (const [k, v] of Object.entries(options.env ?? {})) {
      if (v === undefined) delete env[k];
      else env[k] = v;
    }
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let output = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c;
      output += c;
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c;
      output += c;
    });
    const timer = options.timeoutMs
      ? setTimeout(() => {
          child.kill('SIGTERM');
        }, options.timeoutMs)
      : undefined;
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, output, ms: Date.now() - started });
    });
  });
}

/** sha256 of every file under `dir`, keyed by its path relative to `dir` ("/" separators). */
export function hashTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const abs = path.join(d, e.name);
      if (e.isDirectory()) walk(abs);
      else if (e.isFile()) out.set(path.relative(dir, abs).split(path.sep).join('/'), createHash('sha256').update(readFileSync(abs)).digest('hex'));
      else out.set(path.relative(dir, abs).split(path.sep).join('/'), `(${e.isSymbolicLink() ? 'symlink' : 'special file'})`);
    }
  };
  walk(dir);
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Where two build folders differ: files only in one, and files whose bytes differ (with a hint). */
export function diffTrees(a: string, b: string): string[] {
  const ha = hashTree(a);
  const hb = hashTree(b);
  const out: string[] = [];
  for (const [f, h] of ha) {
    const other = hb.get(f);
    if (other === undefined) out.push(`${f}: only in the first build`);
    else if (other !== h) out.push(`${f}: differs${firstDifference(path.join(a, f), path.join(b, f))}`);
  }
  for (const f of hb.keys()) if (!ha.has(f)) out.push(`${f}: only in the second build`);
  return out;
}

function firstDifference(fa: string, fb: string): string {
  const x = readFileSync(fa);
  const y = readFileSync(fb);
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  const show = (buf: Buffer) => JSON.stringify(buf.subarray(Math.max(0, i - 40), i + 60).toString('utf8'));
  return ` at byte ${i}: ${show(x)} vs ${show(y)}`;
}

/** A fresh temporary folder (removed by the caller). */
export function tempDir(prefix: string): string {
  const dir = path.join(tmpdir(), `kz-gates-${prefix}-${process.pid}-${Date.now().toString(36)}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

const LOCK = path.join(tmpdir(), 'kz-gates-astro-build.lock');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs `fn` while holding a cross-process lock, so the gate tests' own `astro build` runs don't
 * overlap: concurrent builds of one project share `.astro/` and `node_modules/.astro/` (content
 * layer data store, content-module map) and can read each other's half-synced state.
 * A lock left by a dead process is taken over.
 */
export async function withBuildLock<T>(fn: () => Promise<T>, waitMs = 15 * 60_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(LOCK);
      writeFileSync(path.join(LOCK, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let owner = NaN;
      try {
        owner = Number(readFileSync(path.join(LOCK, 'pid'), 'utf8'));
      } catch {
        // being created or removed right now
      }
      const age = existsSync(LOCK) ? Date.now() - statSync(LOCK).mtimeMs : 0;
      if ((Number.isFinite(owner) && owner > 0 && !alive(owner)) || (Number.isNaN(owner) && age > 10_000)) {
        rmSync(LOCK, { recursive: true, force: true });
        continue;
      }
      if (Date.now() - started > waitMs) throw new Error(`timed out waiting for ${LOCK} (held by pid ${owner})`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Leftover temporary build folders (`.build-tmp-*`, `.build-old-*`) in `dir`. */
export function leftovers(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => /^\.build-(tmp|old)-/.test(f)) : [];
}

/**
 * The build the gates check, as `npm run build` makes it (one dist/ for every path: it is served
 * at `/` and at `/mirror/x/` by the browser tests). `GATES_DIST` points the gates at another folder
 * (e.g. a private build while someone else rebuilds dist/).
 */
export const BUILDS = [{ dir: process.env['GATES_DIST'] || 'dist', base: '/', build: 'npm run build' }] as const;

/** Throws a clear error when a build folder hasn't been built. */
export function requireBuild(dir: string, build: string): string {
  const abs = path.resolve(ROOT, dir);
  if (!existsSync(path.join(abs, 'index.html'))) {
    throw new Error(`${dir}/index.html is missing: build it first (${build})`);
  }
  return abs;
}
