/// <reference types="node" />
// Lighthouse scores of the built site: 100 in performance, accessibility, best practices and SEO
// (mobile) on home, a procedure, search and the timeline.
//
// Reads reports/lighthouse.json, written by `npm run audit` (scripts/audit.mjs). When that file is
// missing, or describes another build than the current dist/ (it records dist/index.html's mtime),
// this test runs the audit itself first (~1 min: each score is the median of up to three runs), so
// it never passes on a stale report and never skips. It fails when dist/ is missing or the audit
// cannot run (e.g. lighthouse not installed).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATEGORIES, DEFAULT_PAGES } from '../../scripts/tools/audit.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = path.resolve(ROOT, process.env.OUT_DIR ?? 'dist');
const REPORT = path.join(ROOT, 'reports', 'lighthouse.json');
const AUDIT_SCRIPT = path.join(ROOT, 'scripts', 'audit.mjs');

interface PageResult {
  page: string;
  error?: string;
  runtimeError?: string;
  scores: Record<string, number | null>;
  failing: Array<{ category: string; id: string; title: string; displayValue?: string }>;
}
interface Report {
  dir: string;
  builtAt: number;
  lighthouseVersion: string;
  pages: PageResult[];
}

function readReport(): Report | undefined {
  if (!existsSync(REPORT)) return undefined;
  return JSON.parse(readFileSync(REPORT, 'utf8')) as Report;
}

function runAudit(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [AUDIT_SCRIPT, '--dir', DIST, '--out', REPORT, '--no-fail'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('Lighthouse scores (reports/lighthouse.json)', () => {
  let report: Report;

  beforeAll(async () => {
    const index = path.join(DIST, 'index.html');
    if (!existsSync(index)) throw new Error(`no built site in ${DIST}: run "npm run build" first (npm test does)`);
    const builtAt = statSync(index).mtimeMs;
    let current = readReport();
    if (!current || path.resolve(current.dir) !== DIST || current.builtAt !== builtAt) {
      console.log(`audit-scores: ${current ? 'report is from another build' : 'no report'}; running scripts/audit.mjs`);
      const { code, output } = await runAudit();
      console.log(output);
      if (code !== 0) throw new Error(`scripts/audit.mjs exited ${code}:\n${output}`);
      current = readReport();
    }
    if (!current) throw new Error(`${REPORT} was not written`);
    report = current;
  }, 300_000);

  it('describes the current build', () => {
    expect(path.resolve(report.dir)).toBe(DIST);
    expect(report.builtAt).toBe(statSync(path.join(DIST, 'index.html')).mtimeMs);
  });

  it.each(DEFAULT_PAGES)('%s scores 100 in performance, accessibility, best practices and SEO', (page) => {
    const r = report.pages.find((p) => p.page === page);
    expect(r, `${page} is not in the report`).toBeDefined();
    expect(r!.error ?? r!.runtimeError ?? null).toBeNull();
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, r!.scores[c]]));
    const why = r!.failing.map((f) => `${f.category}: ${f.id}${f.displayValue ? ` (${f.displayValue})` : ''}`);
    expect({ scores, failing: why }).toEqual({ scores: Object.fromEntries(CATEGORIES.map((c) => [c, 100])), failing: [] });
  });
});
