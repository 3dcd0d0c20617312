/// <reference types="node" />
// Shared by the importer's tests: the real sources and procedure files, temporary folders, and the
// importer run as a user runs it (scripts/import.mjs, spawned).
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { afterAll } from 'vitest';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const sourcesDir = path.join(repoRoot, 'content/sources');
export const FIXTURES = path.join(repoRoot, 'tests/fixtures/import');
const SCRIPT = path.join(repoRoot, 'scripts/import.mjs');

/** The five sources (content/sources/README.md). */
export const PROCEDURE_2016 = '000_5cbaa7a3de966168.txt';
export const MOTION_2016 = '001_85a8ad91994e0189.txt';
export const SUMMARY_2019 = '002_f8ac742797c4fbc7.txt';
export const TEXT_2013 = '003_e1fa9d5dda3067d6.txt';
export const PROCEDURE_2021 = '004_5e7a39fb95e22810.txt';

export const source = (name: string) => fs.readFileSync(path.join(sourcesDir, name), 'utf8');
export const sourcePath = (name: string) => path.join(sourcesDir, name);
export const realFile = (slug: string) =>
  fs.readFileSync(path.join(repoRoot, 'content/procedures', `${slug}.md`), 'utf8');

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;
export function split(text: string): { data: Record<string, unknown>; body: string } {
  const m = FRONTMATTER.exec(text);
  if (!m) throw new Error('no frontmatter');
  return { data: parseYaml(m[1]!) as Record<string, unknown>, body: text.slice(m[0].length) };
}

/** The `## ` sections of a body, each from its heading to the next (trailing blank lines dropped). */
export function sections(body: string): string[] {
  return body
    .split(/^(?=## )/m)
    .filter((s) => s.trim())
    .map((s) => s.trimEnd());
}

/** Every line of a file but the `# Sources:` comment. */
export const withoutSourcesComment = (text: string) => text.replace(/^# Sources:.*\n/m, '');

const temps: string[] = [];
export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-test-'));
  temps.push(dir);
  return dir;
}
afterAll(() => {
  for (const d of temps) {
    fs.chmodSync(d, 0o700);
    fs.rmSync(d, { recursive: true, force: true });
  }
});

/** Writes `text` as `name` in a fresh temp dir and returns its path. */
export function inputFile(name: string, text: string | Buffer): string {
  const file = path.join(tempDir(), name);
  fs.writeFileSync(file, text);
  return file;
}

export function runImport(args: string[], options: SpawnSyncOptions = {}) {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: repoRoot, encoding: 'utf8', ...options });
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

export function replaceOnce(text: string, from: string | RegExp, to: string): string {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`nothing replaced: ${String(from)}`);
  return out;
}

/** A stack trace line ("    at main (file:…)"): never shown to a user. */
export const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;
