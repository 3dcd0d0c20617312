#!/usr/bin/env node
// Lighthouse audit of the BUILT site (dist/) with the system Chromium, mobile settings (Lighthouse's
// default config: Moto G Power emulation, simulated slow 4G, 4× CPU slowdown).
//
//   node scripts/audit.mjs [--dir dist] [--out reports/lighthouse.json] [--pages /,/search/] [--runs 3] [--no-fail]
//
// - Serves --dir (default $OUT_DIR or dist) with scripts/serve.mjs under $BASE_PATH (default /) on a
//   random loopback port: the same server as `npm run preview`, gzip included.
// - Launches Chromium through chrome-launcher: $CHROME_PATH, else $CHROMIUM_PATH, else /usr/bin/chromium.
// - Audits each page in one Chromium: performance, accessibility, best-practices, seo. Each score
//   is the median of up to --runs runs (default 3; it stops after two when they agree), since
//   total blocking time, and so performance, varies with the machine's load.
// - Writes the scores, the failing audits and the key metrics to --out (reports/ is gitignored), and
//   each page's full Lighthouse result to reports/lighthouse/<page>.json for diagnosis.
// - Prints a table; exits 1 when a page is missing or any score is below 100 (unless --no-fail),
//   2 when the audit could not run at all (no Lighthouse, no Chromium).
//
// Not part of `npm test` (four pages, two or three runs each: over a minute on this 2-core machine);
// CI runs it right after `npm test` (.ci/run), on the dist/ the tests used, and fails below 100.

import { mkdir, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { startServer } from './serve.ts';
import { CHROMIUM_FLAGS } from './chromium-flags.mjs';
import { isMain } from './lib/is-main.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_PAGES = ['/', '/procedures/2019-2610/', '/search/', '/timeline/'];
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
/** Runs per page: each score is the median (usually decided after two runs, see runAudit). */
export const DEFAULT_RUNS = 3;
export const DEFAULT_OUT = path.join(ROOT, 'reports', 'lighthouse.json');
export const CHROME_FLAGS = CHROMIUM_FLAGS;

/**
 * Lighthouse and chrome-launcher from the project's node_modules. `LIGHTHOUSE_FROM=<dir>` imports
 * them from another install instead (a directory whose node_modules has both), for trying a
 * version without touching the project.
 */
async function loadLighthouse() {
  const from = process.env.LIGHTHOUSE_FROM;
  const req = createRequire(from ? path.join(path.resolve(from), 'package.json') : import.meta.url);
  /** @param {string} name */
  const load = async (name) => {
    if (!from) return import(name);
    // Resolve the package folder, then its ESM entry ("main"), since both packages are ESM/CJS mixes.
    const pkgJson = req.resolve(`${name}/package.json`);
    const pkg = JSON.parse(await (await import('node:fs/promises')).readFile(pkgJson, 'utf8'));
    return import(pathToFileURL(path.join(path.dirname(pkgJson), pkg.main ?? 'index.js')).href);
  };
  try {
    const lh = await load('lighthouse');
    const launcher = await load('chrome-launcher');
    const version = JSON.parse(
      await (await import('node:fs/promises')).readFile(req.resolve('lighthouse/package.json'), 'utf8'),
    ).version;
    return { lighthouse: lh.default, launch: launcher.launch ?? launcher.default?.launch, version };
  } catch (error) {
    throw new Error(
      `cannot load lighthouse/chrome-launcher (${error instanceof Error ? error.message : error}); ` +
        'add them as devDependencies ("lighthouse", "chrome-launcher") and run npm install',
    );
  }
}

/** @param {string} p page path relative to the base, e.g. "/search/" → "search" */
export const reportName = (p) => p.replace(/^\/+|\/+$/g, '').replace(/[^a-z0-9]+/gi, '-') || 'home';

/**
 * @param {{ dir?: string, out?: string, pages?: string[], base?: string, runs?: number, log?: (s: string) => void }} [options]
 */
export async function runAudit(options = {}) {
  const log = options.log ?? ((s) => console.log(s));
  const dir = path.resolve(options.dir ?? process.env.OUT_DIR ?? path.join(ROOT, 'dist'));
  const out = path.resolve(options.out ?? DEFAULT_OUT);
  const pages = options.pages ?? DEFAULT_PAGES;
  const runs = options.runs ?? DEFAULT_RUNS;
  if (!Number.isInteger(runs) || runs < 1 || runs % 2 === 0) throw new Error(`runs must be an odd number ≥ 1, got ${runs}`);
  const chromePath = process.env.CHROME_PATH || process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(chromePath)) throw new Error(`no Chromium at ${chromePath} (set CHROME_PATH)`);
  const indexHtml = path.join(dir, 'index.html');
  if (!existsSync(indexHtml)) throw new Error(`no built site in ${dir} (run "npm run build" first)`);
  const builtAt = (await stat(indexHtml)).mtimeMs;

  const { lighthouse, launch, version } = await loadLighthouse();
  const server = await startServer({ dir, base: options.base ?? process.env.BASE_PATH, port: 0 });
  /** @type {Awaited<ReturnType<typeof launch>> | undefined} */
  let chrome;
  const started = Date.now();
  /** @type {any[]} */
  const results = [];
  /** @type {string | undefined} */
  let userAgent;
  try {
    chrome = await launch({ chromePath, chromeFlags: CHROME_FLAGS, logLevel: 'error' });
    for (const page of pages) {
      const url = new URL(page.replace(/^\//, ''), server.url).href;
      const t0 = Date.now();
      const status = (await fetch(url, { redirect: 'manual' })).status;
      if (status !== 200) {
        results.push({ page, url, status, error: `HTTP ${status}: the page does not exist in ${dir}`, scores: {}, failing: [] });
        log(`audit: ${page} → HTTP ${status}, not audited`);
        continue;
      }
      /** One Lighthouse run of the page: scores, what lowers them, key metrics. */
      const auditOnce = async () => {
        const runner = await lighthouse(url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: CATEGORIES,
        });
        const lhr = runner?.lhr;
        if (!lhr) throw new Error(`lighthouse returned no result for ${url}`);
        /** @type {Record<string, number | null>} */
        const scores = {};
        /** @type {Array<{ category: string, id: string, title: string, score: number | null, weight: number, displayValue?: string }>} */
        const failing = [];
        for (const id of CATEGORIES) {
          const cat = lhr.categories[id];
          scores[id] = cat?.score == null ? null : Math.round(cat.score * 100);
          for (const ref of cat?.auditRefs ?? []) {
            const a = lhr.audits[ref.id];
            if (!a || a.score === null || a.score >= 1) continue;
            if (!ref.weight || !['binary', 'numeric', 'metricSavings'].includes(a.scoreDisplayMode)) continue; // only what lowers the score
            failing.push({ category: id, id: ref.id, title: a.title, score: a.score, weight: ref.weight, displayValue: a.displayValue });
          }
        }
        userAgent ??= lhr.environment?.hostUserAgent;
        const metric = (/** @type {string} */ id) => lhr.audits[id]?.numericValue ?? null;
        const metrics = {
          fcpMs: metric('first-contentful-paint'),
          lcpMs: metric('largest-contentful-paint'),
          tbtMs: metric('total-blocking-time'),
          cls: metric('cumulative-layout-shift'),
          speedIndexMs: metric('speed-index'),
        };
        return { lhr, scores, failing, metrics, runtimeError: lhr.runtimeError?.message };
      };
      // The median of up to `runs` runs per category (TBT, and so performance, varies with the
      // machine's load), stopping as soon as it is decided: when, in every category, one score
      // holds a majority of the planned runs (two equal scores out of three).
      const need = Math.floor(runs / 2) + 1;
      /** @type {Awaited<ReturnType<typeof auditOnce>>[]} */
      const done = [];
      const decided = () =>
        CATEGORIES.every((c) => {
          /** @type {Map<number | null, number>} */
          const counts = new Map();
          for (const r of done) counts.set(r.scores[c], (counts.get(r.scores[c]) ?? 0) + 1);
          return [...counts.values()].some((n) => n >= need);
        });
      while (done.length < runs && !(done.length >= need && decided())) done.push(await auditOnce());
      /** @type {Record<string, number | null>} */
      const scores = {};
      for (const c of CATEGORIES) {
        const values = done.map((r) => r.scores[c]).sort((a, b) => (a ?? -1) - (b ?? -1));
        scores[c] = values[Math.floor((values.length - 1) / 2)] ?? null;
      }
      // Failing audits and metrics from the run whose performance score is the median.
      const rep = done.find((r) => r.scores.performance === scores.performance) ?? done[0];
      results.push({
        page,
        url,
        status,
        finalUrl: rep.lhr.finalDisplayedUrl,
        runtimeError: done.map((r) => r.runtimeError).find(Boolean),
        scores,
        runs: done.map((r) => ({ scores: r.scores, tbtMs: r.metrics.tbtMs })),
        metrics: rep.metrics,
        failing: rep.failing.filter((f) => scores[f.category] !== 100),
        seconds: (Date.now() - t0) / 1000,
      });
      const detailDir = path.join(path.dirname(out), 'lighthouse');
      await mkdir(detailDir, { recursive: true });
      await writeFile(path.join(detailDir, `${reportName(page)}.json`), JSON.stringify(rep.lhr));
      const perRun = done.length > 1 ? ` [runs: ${done.map((r) => CATEGORIES.map((c) => r.scores[c]).join('/')).join(', ')}]` : '';
      log(`audit: ${page} ${CATEGORIES.map((c) => `${c} ${scores[c]}`).join(', ')}${perRun} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    }
  } finally {
    await chrome?.kill();
    await server.close();
  }

  const report = {
    generatedAt: new Date().toISOString(),
    lighthouseVersion: version,
    chromePath,
    userAgent,
    settings: { formFactor: 'mobile', throttlingMethod: 'simulate', categories: CATEGORIES, runs },
    dir,
    builtAt,
    base: server.base,
    seconds: (Date.now() - started) / 1000,
    pages: results,
  };
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, JSON.stringify(report, null, 2) + '\n');
  return report;
}

/** @param {Awaited<ReturnType<typeof runAudit>>} report */
export function problems(report) {
  /** @type {string[]} */
  const out = [];
  for (const r of report.pages) {
    if (r.error) out.push(`${r.page}: ${r.error}`);
    if (r.runtimeError) out.push(`${r.page}: Lighthouse runtime error: ${r.runtimeError}`);
    for (const c of CATEGORIES) {
      if (!r.error && r.scores[c] !== 100) {
        const why = r.failing
          .filter((/** @type {{category: string}} */ f) => f.category === c)
          .map((/** @type {{id: string, displayValue?: string}} */ f) => f.id + (f.displayValue ? ` (${f.displayValue})` : ''))
          .join(', ');
        out.push(`${r.page}: ${c} ${r.scores[c]}${why ? ` — ${why}` : ''}`);
      }
    }
  }
  return out;
}

/** @param {Awaited<ReturnType<typeof runAudit>>} report */
export function formatTable(report) {
  const head = ['page', ...CATEGORIES.map((c) => c.replace('best-practices', 'best-pr.')), 'FCP ms', 'LCP ms', 'TBT ms', 'CLS', 'note'];
  const rows = report.pages.map((r) =>
    r.error
      ? [r.page, ...CATEGORIES.map(() => '—'), '—', '—', '—', '—', r.error]
      : [
          r.page,
          ...CATEGORIES.map((c) => String(r.scores[c] ?? 'error')),
          String(Math.round(r.metrics.fcpMs ?? NaN)),
          String(Math.round(r.metrics.lcpMs ?? NaN)),
          String(Math.round(r.metrics.tbtMs ?? NaN)),
          (r.metrics.cls ?? NaN).toFixed(3),
          r.runtimeError ?? '',
        ],
  );
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (/** @type {string[]} */ cells) =>
    cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(head), ...rows.map(line)].join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      out: { type: 'string' },
      pages: { type: 'string' },
      runs: { type: 'string' },
      'no-fail': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log('Usage: node scripts/audit.mjs [--dir dist] [--out reports/lighthouse.json] [--pages /,/search/] [--runs 3] [--no-fail]');
    return 0;
  }
  let report;
  try {
    report = await runAudit({
      dir: values.dir,
      out: values.out,
      pages: values.pages ? values.pages.split(',').map((s) => s.trim()).filter(Boolean) : undefined,
      runs: values.runs ? Number(values.runs) : undefined,
    });
  } catch (error) {
    console.error(`audit: ${error instanceof Error ? error.message : error}`);
    return 2;
  }
  console.log('\n' + formatTable(report));
  console.log(`\nLighthouse ${report.lighthouseVersion}, mobile, median of up to ${report.settings.runs} runs, ${report.seconds.toFixed(1)} s; scores in ${path.relative(process.cwd(), values.out ?? DEFAULT_OUT)}`);
  const bad = problems(report);
  if (bad.length) {
    console.log('\nBelow 100:\n' + bad.map((b) => `  ${b}`).join('\n'));
    return values['no-fail'] ? 0 : 1;
  }
  console.log('All pages 100 in every category.');
  return 0;
}

const invokedDirectly = isMain(import.meta.url);

if (invokedDirectly) {
  main().then((code) => process.exit(code));
}
