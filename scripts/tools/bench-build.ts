#!/usr/bin/env node
/**
 * Build-scale benchmark: builds the site from the real content (4 procedures) and from synthetic
 * corpora of 200 and 2,000 procedures, and prints wall time, ms per page and peak memory.
 *
 *   node scripts/bench-build.mjs [--sizes 4,200,2000] [--seed 1]
 *        [--profile | --profile-only] [--keep] [--in-place | --project <dir>] [--no-fail]
 *        [--out reports/bench-build.json]
 *
 * Corpus of N procedures (N > 4): the real content/ (its 4 procedures, curated demands, taxonomy,
 * people, threads, events, all copied) plus N − 4 procedures from scripts/synthetic/generate.ts
 * (≈ 20 demands each, full texts: summary with bullets, motion or resolution with citations,
 * recitals, numbered paragraphs). Keeping the real files keeps every cross-check of the model
 * (people's role sources, threads, events) valid, so the synthetic build exercises the same code
 * as the real one. Nothing is ever written into content/: corpora live in a temp dir.
 *
 * Each build runs as `node node_modules/astro/bin/astro.mjs build` with CONTENT_DIR and OUT_DIR
 * set, in an isolated copy of the project root (src/, public/, config; node_modules linked) whose
 * Astro cacheDir is in the temp dir: the content store (data-store.json) and .astro/ of
 * the working tree are never touched, so other builds in the same checkout are not disturbed.
 * `--in-place` builds in the project root instead (exactly what `npm run build` does).
 *
 * Peak memory = peak RSS of the build process: /usr/bin/time -v when present, else VmHWM polled
 * from /proc/<pid>/status. Pages = *.html files written.
 *
 * Targets (exit 1 when missed, unless --no-fail): the 2,000-procedure build in ≤ 60 s wall and
 * ≤ 2 GB peak RSS, and cost per page flat from 200 to 2,000 (ms/page at 2,000 ≤ 1.5 × at 200);
 * and, at every size, every page within the budgets of scripts/tools/budgets.ts (what a reader
 * downloads must not grow with the corpus), measured on the output after the timed build.
 *
 * --profile: one more build of the largest size under `node --cpu-prof`, summarised: the hottest
 * functions by self time and by inclusive time (project code first). --profile-only: just that.
 * --project <dir>: build the src/, public/ and config of another copy of the project (e.g. one
 * with a proposed fix applied) with this checkout's node_modules, to compare before and after.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateSyntheticCorpus, procedureMarkdown, type SyntheticProcedure } from './synthetic/generate.ts';
import { isMain } from './lib/is-main.mjs';
import { measureSite } from './budgets.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CONTENT = path.join(ROOT, 'content');
const ASTRO = path.join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
const GNU_TIME = '/usr/bin/time';

const TARGET = { wallSeconds: 60, rssBytes: 2 * 1024 ** 3, flatness: 1.5, atSize: 2000, fromSize: 200 };

interface RunResult {
  size: number;
  real: number;
  synthetic: number;
  demands: number | null;
  pages: number;
  wallSeconds: number;
  msPerPage: number;
  peakRssBytes: number | null;
  rssSource: string;
  /** user + system CPU seconds of the build process (null without /usr/bin/time) */
  cpuSeconds: number | null;
  /** 1-minute load average before and after: other work on the machine inflates wall time */
  load: [number, number];
  /** highest VmRSS sampled (every 250 ms) in each phase of the build */
  rssByPhase: Record<string, number>;
  /** every file written (pages, endpoints, images, search shards) */
  files: number;
  generateSeconds: number;
  outputBytes: number;
  astroPhases: Record<string, number>;
  /** Page weight of the output, by scripts/tools/budgets.ts (measured after the build, not timed). */
  weight: PageWeight | null;
  exitCode: number | null;
  logFile: string;
}

const log = (s: string) => process.stdout.write(s + '\n');

interface PageWeight {
  /** Pages over any budget of scripts/tools/budgets.ts (first paint 14 KB, page 50 KB, JS, images). */
  overBudget: number;
  /** Median first paint (HTML up to the first section + its first characters, gzip) in bytes. */
  medianFirstPaint: number;
  /** The heaviest pages by first paint, heaviest first. */
  largest: Array<{ page: string; firstPaint: number }>;
  /** The heaviest page by whole HTML (gzip bytes). */
  largestPage: { page: string; bytes: number } | null;
}

/**
 * What a reader downloads does not grow with the corpus: the same budgets as `npm test` applies to
 * dist/, measured on the synthetic builds.
 */
function pageWeight(outDir: string): PageWeight {
  const { rows } = measureSite(outDir);
  const firstPaint = rows.map((r) => r.firstPaint.total).sort((a, b) => a - b);
  const whole = [...rows].sort((a, b) => b.htmlGzip - a.htmlGzip)[0];
  return {
    overBudget: rows.filter((r) => r.violations.length).length,
    medianFirstPaint: firstPaint[Math.floor(firstPaint.length / 2)] ?? 0,
    largest: [...rows]
      .sort((a, b) => b.firstPaint.total - a.firstPaint.total)
      .slice(0, 3)
      .map((r) => ({ page: r.page, firstPaint: r.firstPaint.total })),
    largestPage: whole ? { page: whole.page, bytes: whole.htmlGzip } : null,
  };
}

/** Every regular file under dir (recursively). */
function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full, out);
    else if (e.isFile()) out.push(full);
  }
  return out;
}

/**
 * procedureMarkdown() of generate.ts, minus the datelines it also prints in the body: the content
 * format keeps a dateline in the frontmatter only, and the parser rejects a resolution or motion
 * paragraph that is not the opening formula, a recital or a numbered item.
 */
function contentMarkdown(p: SyntheticProcedure): string {
  const md = procedureMarkdown(p);
  const end = md.indexOf('\n---\n', 4) + 5;
  const datelines = new Set(p.documents.map((d) => d.dateline).filter((d): d is string => !!d));
  const body = md
    .slice(end)
    .split('\n')
    .filter((line) => !datelines.has(line))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
  return md.slice(0, end) + body;
}

/** A content folder of `size` procedures: the real ones plus synthetic ones, in `dir`. */
function makeCorpus(dir: string, size: number, seed: number): { real: number; synthetic: number } {
  const realFiles = readdirSync(path.join(CONTENT, 'procedures')).filter((f) => f.endsWith('.md'));
  if (size < realFiles.length) throw new Error(`--sizes: ${size} is below the ${realFiles.length} real procedures`);
  cpSync(CONTENT, dir, { recursive: true });
  const synthetic = size - realFiles.length;
  if (synthetic > 0) {
    const corpus = generateSyntheticCorpus(synthetic, seed);
    for (const p of corpus.procedures) {
      const file = path.join(dir, 'procedures', `${p.slug}.md`);
      if (existsSync(file)) throw new Error(`synthetic slug ${p.slug} collides with a real procedure`);
      writeFileSync(file, contentMarkdown(p));
    }
  }
  return { real: realFiles.length, synthetic };
}

/**
 * An isolated project root: copies of the sources and config, node_modules linked, and a config
 * wrapper moving Astro's cacheDir (content store, vite cache) into the temp dir.
 */
function makeShadowRoot(dir: string, project = ROOT): { root: string; config: string } {
  const root = path.join(dir, 'root');
  mkdirSync(root, { recursive: true });
  for (const name of ['src', 'public']) if (existsSync(path.join(project, name))) cpSync(path.join(project, name), path.join(root, name), { recursive: true });
  for (const name of ['astro.config.mjs', 'package.json', 'tsconfig.json']) cpSync(path.join(project, name), path.join(root, name));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const config = path.join(root, 'bench.config.mjs');
  writeFileSync(
    config,
    `import config from './astro.config.mjs';\nexport default { ...config, cacheDir: ${JSON.stringify(path.join(dir, 'astro-cache') + '/')} };\n`,
  );
  return { root, config };
}

/** Runs a command, measuring wall time and peak RSS. */
async function measure(
  argv: string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; logFile: string },
): Promise<{ code: number | null; wallSeconds: number; peakRssBytes: number | null; rssSource: string; cpuSeconds: number | null; rssByPhase: Record<string, number>; output: string }> {
  const useTime = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-v', 'true']).status === 0;
  const cmd = useTime ? GNU_TIME : argv[0]!;
  const args = useTime ? ['-v', ...argv] : argv.slice(1);
  const started = process.hrtime.bigint();
  const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  // Poll the build process (under /usr/bin/time: its child): VmHWM, the kernel's RSS high-water
  // mark (the fallback for peak RSS), and VmRSS attributed to the build phase the log has reached.
  let polledHwm = 0;
  const rssByPhase: Record<string, number> = {};
  const buildPid = () => {
    if (!useTime) return child.pid;
    try {
      return Number(readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/)[0]) || undefined;
    } catch {
      return undefined;
    }
  };
  const phaseNow = () => {
    const at = (s: string) => output.lastIndexOf(s);
    const marks: Array<[string, number]> = [
      ['startup + content sync', 0],
      ['vite bundles', at('Building static entrypoints')],
      ['generate pages', at('generating static routes')],
    ];
    return marks.filter(([, i]) => i >= 0).sort((a, b) => b[1] - a[1])[0]![0];
  };
  const poll = setInterval(() => {
    const pid = buildPid();
    if (!pid) return;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
      const rss = /VmRSS:\s+(\d+) kB/.exec(status);
      if (hwm) polledHwm = Math.max(polledHwm, Number(hwm[1]) * 1024);
      if (rss) {
        const phase = phaseNow();
        rssByPhase[phase] = Math.max(rssByPhase[phase] ?? 0, Number(rss[1]) * 1024);
      }
    } catch {
      /* exited */
    }
  }, useTime ? 250 : 50);
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  clearInterval(poll);
  writeFileSync(opts.logFile, output);
  let peakRssBytes: number | null = polledHwm || null;
  let rssSource = 'VmHWM polled every 50 ms';
  let cpuSeconds: number | null = null;
  if (useTime) {
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(output);
    peakRssBytes = m ? Number(m[1]) * 1024 : null;
    rssSource = '/usr/bin/time -v';
    const user = /User time \(seconds\): ([\d.]+)/.exec(output);
    const sys = /System time \(seconds\): ([\d.]+)/.exec(output);
    if (user && sys) cpuSeconds = Number(user[1]) + Number(sys[1]);
  }
  return { code, wallSeconds, peakRssBytes, rssSource, cpuSeconds, rssByPhase, output };
}

/** Astro's own phase timings from its log ("[content] Synced", "[build] ✓ Completed in 4.33s", …). */
export function astroPhases(output: string): Record<string, number> {
  const clean = output.replace(/\x1b\[[0-9;]*m/g, '');
  const phases: Record<string, number> = {};
  // "812ms", "4.33s", "1m 4s", "13m 14s"
  const secs = (s: string) => {
    const m = /^(?:(\d+)m\s*)?(?:(\d+(?:\.\d+)?)(ms|s))?$/.exec(s.trim());
    if (!m) return NaN;
    return Number(m[1] ?? 0) * 60 + (m[2] ? Number(m[2]) / (m[3] === 'ms' ? 1000 : 1) : 0);
  };
  const DUR = '((?:\\d+m\\s*)?\\d+(?:\\.\\d+)?m?s)';
  const types = new RegExp(`\\[types\\] Generated ${DUR}`).exec(clean);
  if (types) phases['sync (content + types)'] = secs(types[1]!);
  const completed = [...clean.matchAll(new RegExp(`\\[build\\] ✓ Completed in ${DUR}`, 'g'))].map((m) => secs(m[1]!));
  if (completed[0] !== undefined) phases['build info'] = completed[0];
  const vite = [...clean.matchAll(new RegExp(`\\[vite\\] ✓ built in ${DUR}`, 'g'))].map((m) => secs(m[1]!));
  if (vite.length) phases['vite bundles'] = vite.reduce((a, b) => a + b, 0);
  const gen = new RegExp(`generating static routes[\\s\\S]*?✓ Completed in ${DUR}`).exec(clean);
  if (gen) phases['generate pages'] = secs(gen[1]!);
  if (completed[1] !== undefined) phases['static build total'] = completed[1];
  return phases;
}

async function runSize(size: number, seed: number, opts: { keep: boolean; inPlace: boolean; reportDir: string; cpuProf?: string; project?: string }): Promise<RunResult> {
  const tmp = mkdtempSync(path.join(tmpdir(), `bench-build-${size}-`));
  try {
    const t0 = performance.now();
    const realCount = readdirSync(path.join(CONTENT, 'procedures')).filter((f) => f.endsWith('.md')).length;
    let contentDir = CONTENT;
    let counts = { real: realCount, synthetic: 0 };
    if (size !== realCount) {
      contentDir = path.join(tmp, 'corpus');
      counts = makeCorpus(contentDir, size, seed);
    }
    const generateSeconds = (performance.now() - t0) / 1000;
    const outDir = path.join(tmp, 'dist');
    const shadow = opts.inPlace ? undefined : makeShadowRoot(tmp, opts.project);
    const nodeArgs = opts.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${opts.cpuProf}`] : [];
    const argv = [process.execPath, ...nodeArgs, ASTRO, 'build', ...(shadow ? ['--config', path.basename(shadow.config)] : [])];
    const logFile = path.join(opts.reportDir, `bench-build-${size}${opts.cpuProf ? '-profile' : ''}.log`);
    log(`bench: building ${size} procedures (${counts.real} real + ${counts.synthetic} synthetic)${opts.cpuProf ? ' under --cpu-prof' : ''}…`);
    const loadBefore = loadavg()[0]!;
    const env = { ...process.env, CONTENT_DIR: contentDir, OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' };
    const m = await measure(argv, { cwd: shadow?.root ?? ROOT, env, logFile });
    const files = walk(outDir);
    const pages = files.filter((f) => f.endsWith('.html')).length;
    let demands: number | null = null;
    try {
      demands = (JSON.parse(readFileSync(path.join(outDir, 'data', 'demands.json'), 'utf8')) as unknown[]).length;
    } catch {
      demands = null;
    }
    const weight = m.code === 0 && !opts.cpuProf ? pageWeight(outDir) : null;
    if (m.code !== 0) log(`bench: build of ${size} exited ${m.code}; log in ${logFile}\n${m.output.split('\n').slice(-25).join('\n')}`);
    return {
      size,
      ...counts,
      demands,
      pages,
      wallSeconds: m.wallSeconds,
      msPerPage: pages ? (m.wallSeconds * 1000) / pages : NaN,
      peakRssBytes: m.peakRssBytes,
      rssSource: m.rssSource,
      cpuSeconds: m.cpuSeconds,
      rssByPhase: m.rssByPhase,
      load: [loadBefore, loadavg()[0]!],
      files: files.length,
      generateSeconds,
      outputBytes: files.reduce((n, f) => n + statSync(f).size, 0),
      astroPhases: astroPhases(m.output),
      weight,
      exitCode: m.code,
      logFile,
    };
  } finally {
    if (!opts.keep) rmSync(tmp, { recursive: true, force: true });
    else log(`bench: kept ${tmp}`);
  }
}

// ── CPU profile summary ─────────────────────────────────────────────────────────────────────────
interface CpuNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: CpuNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Self and inclusive time per function (name + file + line), in ms. */
export function summariseProfile(profile: CpuProfile, root = ROOT) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = (n: CpuNode) => {
    const url = n.callFrame.url.replace(/^file:\/\//, '');
    const rel = url.startsWith(root) ? path.relative(root, url) : url.replace(/^.*node_modules\//, 'node_modules/');
    return `${n.callFrame.functionName || '(anonymous)'} ${rel || '(native)'}:${n.callFrame.lineNumber + 1}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000; // the delta after a sample is its duration
    const n = byId.get(id);
    if (!n) return;
    const k = keyOf(n);
    self.set(k, (self.get(k) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const key = keyOf(byId.get(cur)!);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + dt);
    }
  });
  const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]);
  return { totalMs: (profile.endTime - profile.startTime) / 1000, self: sorted(self), inclusive: sorted(total) };
}

function printProfile(dir: string): string[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  const lines: string[] = [];
  for (const f of files) {
    const s = summariseProfile(JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as CpuProfile);
    const isIdle = (k: string) => /^\((idle|program|garbage collector|root)\)/.test(k);
    const fmt = ([k, ms]: [string, number]) => `  ${(ms / 1000).toFixed(2).padStart(7)} s  ${((100 * ms) / s.totalMs).toFixed(1).padStart(5)}%  ${k}`;
    const project = (k: string) => / (src|scripts)\//.test(k) || /\.prerender|chunks\/|pages\//.test(k);
    lines.push(`Profile ${f}: ${(s.totalMs / 1000).toFixed(1)} s`);
    lines.push(' Top self time:', ...s.self.filter(([k]) => !isIdle(k)).slice(0, 20).map(fmt));
    lines.push(' GC / idle:', ...s.self.filter(([k]) => isIdle(k)).map(fmt));
    lines.push(' Inclusive time, project code (src/, bundled pages and chunks):', ...s.inclusive.filter(([k]) => project(k)).slice(0, 25).map(fmt));
  }
  return lines;
}

// ── main ────────────────────────────────────────────────────────────────────────────────────────
function formatTable(rows: RunResult[]): string {
  const mb = (b: number | null) => (b == null ? '—' : (b / 1024 ** 2).toFixed(0));
  const head = ['procedures', 'real+synth.', 'demands', 'pages', 'files', 'wall s', 'CPU s', 'ms/page', 'peak RSS MB', 'RSS sync/vite/gen', 'output MB', 'load', 'phases (Astro log, s)', 'exit'];
  const body = rows.map((r) => [
    String(r.size),
    `${r.real}+${r.synthetic}`,
    String(r.demands ?? '—'),
    String(r.pages),
    String(r.files),
    r.wallSeconds.toFixed(1),
    r.cpuSeconds == null ? '—' : r.cpuSeconds.toFixed(1),
    r.msPerPage.toFixed(1),
    mb(r.peakRssBytes),
    ['startup + content sync', 'vite bundles', 'generate pages'].map((k) => mb(r.rssByPhase[k] ?? null)).join('/'),
    mb(r.outputBytes),
    r.load.map((l) => l.toFixed(1)).join('→'),
    Object.entries(r.astroPhases)
      .map(([k, v]) => `${k} ${v.toFixed(1)}`)
      .join(', '),
    String(r.exitCode),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => (i === 12 ? x.padEnd(widths[i]!) : x.padStart(widths[i]!))).join('  ');
  return [line(head), ...body.map(line)].join('\n');
}

/** Page weight per size: what a reader downloads per page must not grow with the corpus. */
function formatWeightTable(rows: RunResult[]): string {
  const kb = (b: number) => (b / 1024).toFixed(1);
  const lines = ['procedures  pages over budget  median first paint KB  largest first paints (KB gzip)  largest page (KB gzip)'];
  for (const r of rows) {
    const w = r.weight;
    lines.push(
      w
        ? `${String(r.size).padStart(10)}  ${String(w.overBudget).padStart(17)}  ${kb(w.medianFirstPaint).padStart(21)}  ${w.largest.map((x) => `${x.page} ${kb(x.firstPaint)}`).join(', ')}  ${w.largestPage ? `${w.largestPage.page} ${kb(w.largestPage.bytes)}` : '—'}`
        : `${String(r.size).padStart(10)}  not measured (build failed)`,
    );
  }
  return lines.join('\n');
}

function verdicts(rows: RunResult[]): Array<{ target: string; ok: boolean; detail: string }> {
  const out: Array<{ target: string; ok: boolean; detail: string }> = [];
  for (const r of rows) if (r.exitCode !== 0) out.push({ target: `build of ${r.size} succeeds`, ok: false, detail: `exit ${r.exitCode}, log ${r.logFile}` });
  for (const r of rows) {
    if (!r.weight) continue;
    const worst = r.weight.largest[0];
    out.push({
      target: `${r.size} procedures: every page within the budgets of scripts/tools/budgets.ts`,
      ok: r.weight.overBudget === 0,
      detail: `${r.weight.overBudget} of ${r.pages} pages over; largest first paint ${worst ? `${worst.page} ${(worst.firstPaint / 1024).toFixed(1)} KB` : '—'}`,
    });
  }
  const big = rows.find((r) => r.size === TARGET.atSize);
  const mid = rows.find((r) => r.size === TARGET.fromSize);
  if (big) {
    out.push({ target: `${TARGET.atSize} procedures ≤ ${TARGET.wallSeconds} s wall`, ok: big.wallSeconds <= TARGET.wallSeconds, detail: `${big.wallSeconds.toFixed(1)} s` });
    out.push({
      target: `${TARGET.atSize} procedures ≤ 2 GB peak RSS`,
      ok: big.peakRssBytes != null && big.peakRssBytes <= TARGET.rssBytes,
      detail: big.peakRssBytes == null ? 'not measured' : `${(big.peakRssBytes / 1024 ** 3).toFixed(2)} GB`,
    });
  }
  if (big && mid) {
    const ratio = big.msPerPage / mid.msPerPage;
    out.push({ target: `ms/page flat from ${TARGET.fromSize} to ${TARGET.atSize} (≤ ${TARGET.flatness}×)`, ok: ratio <= TARGET.flatness, detail: `${mid.msPerPage.toFixed(1)} → ${big.msPerPage.toFixed(1)} ms/page (${ratio.toFixed(2)}×)` });
  }
  return out;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '4,200,2000' },
      seed: { type: 'string', default: '1' },
      profile: { type: 'boolean', default: false },
      'profile-only': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      'in-place': { type: 'boolean', default: false },
      project: { type: 'string' },
      'no-fail': { type: 'boolean', default: false },
      out: { type: 'string', default: path.join(ROOT, 'reports', 'bench-build.json') },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    log('Usage: node scripts/bench-build.mjs [--sizes 4,200,2000] [--seed 1] [--profile | --profile-only] [--keep] [--in-place | --project <dir>] [--no-fail] [--out reports/bench-build.json]');
    return 0;
  }
  const sizes = values.sizes.split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes: expected positive integers, got ${values.sizes}`);
  const reportDir = path.dirname(path.resolve(values.out));
  mkdirSync(reportDir, { recursive: true });
  const seed = Number(values.seed);
  // --project <dir>: build the src/, public/ and config of another copy (e.g. one with a fix applied), same node_modules.
  const project = values.project ? path.resolve(values.project) : undefined;
  if (project && values['in-place']) throw new Error('--project and --in-place exclude each other');
  const rows: RunResult[] = [];
  for (const size of values['profile-only'] ? [] : sizes) {
    const r = await runSize(size, seed, { keep: values.keep, inPlace: values['in-place'], reportDir, project });
    rows.push(r);
    log(`bench: ${size} → ${r.pages} pages in ${r.wallSeconds.toFixed(1)} s, peak RSS ${r.peakRssBytes == null ? '—' : (r.peakRssBytes / 1024 ** 2).toFixed(0) + ' MB'}`);
  }
  if (rows.length) {
    log('\n' + formatTable(rows));
    log(
    `\nWall = the whole \`astro build\` process (startup, content sync, bundling, page generation); corpus generation excluded. ` +
      `ms/page = wall / HTML pages. Peak RSS from ${rows[0]?.rssSource ?? '—'}. Load = 1-min load average before→after on ${cpus().length} cores: ` +
      `above the core count, other processes were competing and wall times are inflated (CPU s is less affected). ${process.version}.`,
    );
    log('\nPage weight (scripts/tools/budgets.ts on each output; first paint = HTML up to the first section of <main> + its first characters, gzip):\n' + formatWeightTable(rows));
  }
  const v = verdicts(rows);
  for (const x of v) log(`${x.ok ? 'PASS' : 'FAIL'}  ${x.target}: ${x.detail}`);

  let profileLines: string[] = [];
  if (values.profile || values['profile-only']) {
    const size = Math.max(...sizes);
    const profDir = path.join(reportDir, `cpu-prof-${size}`);
    rmSync(profDir, { recursive: true, force: true });
    mkdirSync(profDir, { recursive: true });
    const r = await runSize(size, seed, { keep: values.keep, inPlace: values['in-place'], reportDir, cpuProf: profDir, project });
    log(`\nbench: profiled build of ${size}: ${r.wallSeconds.toFixed(1)} s wall (profiling adds overhead); profiles in ${profDir}`);
    profileLines = printProfile(profDir);
    log(profileLines.join('\n'));
  }
  writeFileSync(values.out, JSON.stringify({ generatedAt: new Date().toISOString(), node: process.version, seed, targets: TARGET, runs: rows, verdicts: v, profile: profileLines }, null, 2) + '\n');
  log(`\nResults in ${path.relative(process.cwd(), values.out)}`);
  return v.every((x) => x.ok) || values['no-fail'] ? 0 : 1;
}

const invokedDirectly = isMain(import.meta.url);
if (invokedDirectly) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`bench-build: ${error instanceof Error ? error.stack : String(error)}`);
      process.exit(2);
    },
  );
}
