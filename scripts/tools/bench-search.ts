/**
 * Search benchmark: our sharded index + client vs naive fuse.js over the whole corpus.
 *
 *   node scripts/bench-search.mjs [--real docs.json] [--sizes 4,200,2000] [--rounds 5] [--seed 1]
 *                                [--naive-max-docs 50000] [--json out.json]
 *
 * Corpora: "4" = the real SearchDocs of --real (a JSON array) when given, else the real content/
 * procedures (said so in the output); other sizes are synthetic procedures (≈ 20 demands and
 * ≈ 54 items of every kind each, scripts/synthetic/generate.ts).
 *
 * Per corpus:
 *  - build: buildSearchIndex (ours) vs Fuse.createIndex + JSON of its index (naive); median of 3
 *    runs below 10,000 docs;
 *  - latency of every query of QUERIES (p50 / p95, ms), ours measured
 *      cold    — a fresh client per query (empty file cache: manifest + shards + chunks fetched),
 *      session — one client for the whole list in order (first query cold, then the cache helps),
 *    after 3 warm-up passes (JIT) with throwaway clients, with an untimed minor GC before each
 *    timed query (see `gc` below); the client reads the built files held in
 *    memory (each fetch = JSON.parse of the file, counted as gzip bytes via zlib.gzipSync);
 *    naive: Fuse over all docs (ignoreLocation, threshold 0.3, the same keys and folding), facets
 *    by filtering its results (an empty query filters all docs);
 *  - bytes before the first result (gzip): ours = what a cold query fetched (median, max over
 *    QUERIES); naive = docs JSON + serialized Fuse index;
 *  - recall@20 of both on labelled queries: synthetic corpora use the generator's ground truth
 *    (planted people, outlets and rare articles, with typo / no-diacritics variants; every item
 *    naming a person is relevant to them: demands, paragraphs, events, their own entry); a real
 *    corpus is labelled from its own people/provisions fields. Ours counts what the page shows
 *    first: the results, or, for a query with no exact match, the suggested results (labelled as
 *    such on the page);
 *  - other scripts: each query of SCRIPT_PAIRS in Cyrillic / Kazakh letters against its Latin
 *    twin (cold ms, the same first 20 results?), and the largest time ratio (target ≤ 2×).
 */
import { loadContent } from '../../src/content/load.ts';
import { buildSite } from '../../src/content/model/build.ts';
import { toSearchDocs } from '../../src/search/docs.ts';
import { gzipSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Fuse from 'fuse.js';
import type { SearchDoc, SearchQuery } from '../../src/search/types.ts';
import { buildSearchIndex } from '../../src/search/build.ts';
import { createSearchClient } from '../../src/search/client/index.ts';
import { fold } from '../../src/search/fold.ts';
import { NAIVE_FUSE_OPTIONS } from '../../src/search/layout.ts';
import { fetchJsonFromFiles } from '../../src/search/node.ts';
import { generateSyntheticCorpus } from './synthetic/generate.ts';
import type { SyntheticTruth } from './synthetic/generate.ts';

const LIMIT = 20;

/**
 * A minor GC (scavenge) before each timed query, untimed, so young garbage left by the previous
 * query or the harness is not charged to the next one. Forced MAJOR GCs are avoided: repeated
 * ones make V8 flush the bytecode of idle functions, which then measures recompilation. The
 * corpus is kept as a JSON string while our client is measured, so the harness's heap holds few
 * objects and V8's own major GCs stay short, as in a browser page.
 */
setFlagsFromString('--expose-gc');
const gcFn = runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void;
const gc = () => gcFn({ type: 'minor' });

/** The fixed query list (typos, prefixes, diacritics, articles, multiword, names, facets). */
export const QUERIES: SearchQuery[] = [
  { q: 'Kozlow' }, // typo
  { q: 'tortur' }, // truncated word
  { q: 'Kozlóv' }, // diacritics on the query side
  { q: 'Article 174' },
  { q: 'Criminal Code Article 274' },
  { q: 'Tolegenova' }, // no diacritics for Tölegenova
  { q: 'Tölegenova' },
  { q: 'Omirbayev' }, // alias spelling
  { q: 'Nurgaliev' }, // Nurğaliev
  { q: 'Qasymova' },
  { q: 'release Kozlov' }, // multiword
  { q: 'freedom of expression' },
  { q: 'trade union leaders' },
  { q: 'violence against women' },
  { q: 'Jehovah’s Witnesses' }, // curly apostrophe
  { q: 'psychiatric treatment' },
  { q: 'politcal prisoners' }, // typo, multiword
  { q: 'Zhanaozen' },
  { q: 'EU Delegation in Astana' },
  { q: 'face recognition' },
  { q: 'defamation' },
  { q: 'Öskemen' },
  { q: '', theme: 'torture' }, // empty query + facet
  { q: '', year: 2019, kind: 'motion' },
  { q: 'torture', year: 2015 },
  { q: 'Kozlov', kind: 'summary' },
  // names: a full name, a name no text prints (offered only as suggestions), one kind of item
  { q: 'Viktor Kozlov' },
  { q: 'Ablyazov' },
  { q: 'Kozlov', what: 'demand' },
  { q: '', what: 'event' },
];

/** Names and places in Latin letters and as typed in Cyrillic or Kazakh letters (Ә Ғ Қ Ң Ө Ұ Ү Һ І). */
export const SCRIPT_PAIRS: [string, string][] = [
  ['Kozlov', 'Козлов'],
  ['Zhanaozen', 'Жаңаөзен'],
  ['Tolegenova', 'Төлегенова'],
  ['Qasymova', 'Қасымова'],
  ['Nurgaliev', 'Нұрғалиев'],
  ['Oskemen', 'Өскемен'],
  ['Shymkent', 'Шымкент'],
  ['Kazakhstan', 'Қазақстан'],
];
for (const [latin, other] of SCRIPT_PAIRS) {
  if (!QUERIES.some((q) => q.q === latin && Object.keys(q).length === 1)) QUERIES.push({ q: latin });
  QUERIES.push({ q: other });
}
/** The query list of the previous version of this bench (before every item was indexed), for like-with-like timing. */
const FIRST_QUERIES = 26;

interface Args {
  real?: string;
  sizes: number[];
  rounds: number;
  seed: number;
  naiveMaxDocs: number;
  json?: string;
}

function readArgs(argv: string[]): Args {
  const { values } = parseArgs({
    args: argv,
    options: {
      real: { type: 'string' },
      sizes: { type: 'string', default: '4,200,2000' },
      rounds: { type: 'string', default: '5' },
      seed: { type: 'string', default: '1' },
      'naive-max-docs': { type: 'string', default: '200000' },
      json: { type: 'string' },
    },
  });
  return {
    real: values.real,
    sizes: values.sizes.split(',').map(Number),
    rounds: Number(values.rounds),
    seed: Number(values.seed),
    naiveMaxDocs: Number(values['naive-max-docs']),
    json: values.json,
  };
}

function pct(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

interface Labelled {
  q: string;
  relevant: Set<string>;
}

/** Deterministic one-letter typo: swaps two middle letters (or replaces one). */
function typo(w: string): string {
  if (w.length < 5) return w;
  const i = Math.floor(w.length / 2);
  return w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
}
function stripDia(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '');
}

function labelsFromTruth(truth: SyntheticTruth, maxQueries = 36): Labelled[] {
  const out: Labelled[] = [];
  const people = truth.people.filter((p) => p.docIds.length >= 1 && p.docIds.length <= 12);
  const stepP = Math.max(1, Math.floor(people.length / 8));
  // a surname query is about everyone planted with that surname
  const bySurname = new Map<string, Set<string>>();
  for (const p of truth.people) {
    const key = stripDia(p.name.split(' ').slice(-1)[0]!).toLowerCase();
    const s = bySurname.get(key) ?? new Set<string>();
    for (const id of p.docIds) s.add(id);
    bySurname.set(key, s);
  }
  for (let i = 0, k = 0; i < people.length && k < 8; i += stepP, k++) {
    const p = people[i]!;
    const surname = stripDia(p.name.split(' ').slice(-1)[0]!);
    const relSurname = bySurname.get(surname.toLowerCase())!;
    out.push({ q: p.name, relevant: new Set(p.docIds) });
    out.push({ q: surname, relevant: relSurname });
    out.push({ q: typo(surname), relevant: relSurname });
  }
  const anchors = truth.people.filter((p) => p.docIds.length > 12).slice(0, 3);
  for (const a of anchors) out.push({ q: typo(stripDia(a.name.split(' ').slice(-1)[0]!)), relevant: new Set(a.docIds) });
  const outlets = truth.outlets.filter((o) => o.docIds.length <= 12);
  const stepO = Math.max(1, Math.floor(outlets.length / 5));
  for (let i = 0, k = 0; i < outlets.length && k < 5; i += stepO, k++) out.push({ q: outlets[i]!.name, relevant: new Set(outlets[i]!.docIds) });
  return out.slice(0, maxQueries);
}

function labelsFromDocs(docs: SearchDoc[], maxQueries = 36): Labelled[] {
  const byPerson = new Map<string, Set<string>>();
  for (const d of docs) for (const p of d.people) {
    const s = byPerson.get(p) ?? new Set();
    s.add(d.id);
    byPerson.set(p, s);
  }
  const out: Labelled[] = [];
  for (const [name, rel] of [...byPerson.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    out.push({ q: name, relevant: rel });
    const last = name.split(' ').slice(-1)[0] ?? name;
    if (last.length >= 5) out.push({ q: typo(stripDia(last)), relevant: rel });
  }
  const byProv = new Map<string, Set<string>>();
  for (const d of docs) for (const p of d.provisions) {
    const s = byProv.get(p) ?? new Set();
    s.add(d.id);
    byProv.set(p, s);
  }
  for (const [label, rel] of byProv) out.push({ q: label, relevant: rel });
  return out.slice(0, maxQueries);
}

function recallAt(ids: string[], rel: Set<string>): number {
  const top = ids.slice(0, LIMIT);
  const hit = top.filter((id) => rel.has(id)).length;
  return hit / Math.min(rel.size, LIMIT);
}

function naiveSearch(fuse: Fuse<SearchDoc>, docs: SearchDoc[], q: SearchQuery): string[] {
  const pass = (d: SearchDoc) =>
    (q.year === undefined || d.year === Number(q.year)) &&
    (q.procedure === undefined || d.procedure === q.procedure) &&
    (q.theme === undefined || d.themes.includes(q.theme)) &&
    (q.addressee === undefined || d.addressees.includes(q.addressee)) &&
    (q.kind === undefined || d.documentKind === q.kind) &&
    (q.what === undefined || d.what === q.what);
  if (!q.q.trim()) return docs.filter(pass).slice(0, LIMIT).map((d) => d.id);
  const hasFilter = q.year !== undefined || q.procedure || q.theme || q.addressee || q.kind || q.what;
  const res = fuse.search(fold(q.q), hasFilter ? undefined : { limit: LIMIT });
  return res
    .filter((r) => pass(r.item))
    .slice(0, LIMIT)
    .map((r) => r.item.id);
}

interface Row {
  corpus: string;
  docs: number;
  files: number;
  indexGzKB: number;
  buildMs: number;
  naiveBuildMs: number;
  coldP50: number;
  coldP95: number;
  sessionP50: number;
  sessionP95: number;
  naiveP50: number;
  naiveP95: number;
  firstKBMedian: number;
  firstKBMax: number;
  naiveFirstKB: number;
  recall: number;
  naiveRecall: number;
  labelled: number;
  firstP50: number;
  firstP95: number;
  /** CPU time of this process (all its threads) per cold query: what the query cost, without the time other processes of a shared machine took. */
  cpuP50: number;
  cpuP95: number;
  perQuery: { q: string; coldMs: number; kb: number; total: number; approximate: boolean; similar: string }[];
  scripts: { latin: string; other: string; latinMs: number; otherMs: number; same: boolean }[];
}

async function benchCorpus(name: string, docsJson: string, labels: Labelled[], args: Args): Promise<Row> {
  // ── build (ours) ──
  let built: SearchDoc[] | null = JSON.parse(docsJson) as SearchDoc[];
  const docCount = built.length;
  // build time: median of 3 runs for small corpora (the first run also pays for JIT warm-up)
  const buildRuns: number[] = [];
  let files = new Map<string, string>();
  for (let r = 0; r < (docCount < 10000 ? 3 : 1); r++) {
    const tb = performance.now();
    files = buildSearchIndex(built);
    buildRuns.push(performance.now() - tb);
  }
  const buildMs = pct(buildRuns, 50);
  built = null; // only strings stay alive while our client is measured
  gcFn({ type: 'major' });
  const gz = new Map<string, number>();
  let indexGz = 0;
  for (const [p, s] of files) {
    const n = gzipSync(s).length;
    gz.set(p, n);
    indexGz += n;
  }
  const newClient = () => {
    const c = { bytes: 0 };
    const client = createSearchClient({ fetchJson: fetchJsonFromFiles(files, (p) => (c.bytes += gz.get(p)!)) });
    return { client, c };
  };

  // ── warm-up (JIT), then cold: a fresh client per query ──
  for (let w = 0; w < 3; w++) {
    const { client } = newClient();
    for (const q of QUERIES) await client.search(q);
  }
  const cold: number[] = [];
  const coldCpu: number[] = [];
  const coldFirst: number[] = [];
  const perQuery: Row['perQuery'] = [];
  for (let r = 0; r < args.rounds; r++) {
    for (const q of QUERIES) {
      const { client, c } = newClient();
      gc();
      const t = performance.now();
      const u = process.cpuUsage();
      const res = await client.search(q);
      const dt = performance.now() - t;
      const du = process.cpuUsage(u);
      cold.push(dt);
      coldCpu.push((du.user + du.system) / 1000);
      if (QUERIES.indexOf(q) < FIRST_QUERIES) coldFirst.push(dt);
      const similar = res.similar.length ? ` no exact match; similar: ${res.similar.map((w) => `${w.spelling} (${w.count})`).join(', ')}` : '';
      if (r === 0) perQuery.push({ q: JSON.stringify(q), coldMs: dt, kb: c.bytes / 1024, total: res.total, approximate: res.approximate, similar });
      else perQuery[QUERIES.indexOf(q)]!.coldMs = Math.min(perQuery[QUERIES.indexOf(q)]!.coldMs, dt);
    }
  }
  // ── session: one client, the list in order ──
  const session: number[] = [];
  for (let r = 0; r < args.rounds; r++) {
    const { client } = newClient();
    for (const q of QUERIES) {
      gc();
      const t = performance.now();
      await client.search(q);
      session.push(performance.now() - t);
    }
  }
  const kbs = perQuery.map((p) => p.kb);

  // ── other scripts: the same query in Latin and in Cyrillic / Kazakh letters, cold ──
  const scripts: Row['scripts'] = [];
  for (const [latin, other] of SCRIPT_PAIRS) {
    const time = async (q: string) => {
      let best = Infinity;
      let ids: string[] = [];
      // best of 3× the rounds: each pair is compared on its quietest run
      for (let r = 0; r < 3 * args.rounds; r++) {
        const { client } = newClient();
        gc();
        const t = performance.now();
        const res = await client.search({ q, limit: LIMIT });
        best = Math.min(best, performance.now() - t);
        ids = res.results.map((x) => x.doc.id);
      }
      return { best, ids };
    };
    const a = await time(latin);
    const b = await time(other);
    scripts.push({ latin, other, latinMs: a.best, otherMs: b.best, same: a.ids.join() === b.ids.join() });
  }

  // ── recall (ours): what the page shows first, results or (no exact match) suggestions ──
  let recall = 0;
  {
    const { client } = newClient();
    for (const l of labels) {
      const res = await client.search({ q: l.q, limit: LIMIT });
      const shown = res.results.length ? res.results : (res.suggested?.results ?? []);
      recall += recallAt(
        shown.map((r) => r.doc.id),
        l.relevant,
      );
    }
    recall /= Math.max(1, labels.length);
  }

  // ── naive ──
  let naiveBuildMs = NaN;
  let naiveFirstKB = NaN;
  let naiveP50 = NaN;
  let naiveP95 = NaN;
  let naiveRecall = NaN;
  if (docCount <= args.naiveMaxDocs) {
    const docs = JSON.parse(docsJson) as SearchDoc[];
    const naiveRuns: number[] = [];
    let index = Fuse.createIndex(NAIVE_FUSE_OPTIONS.keys, docs);
    let indexJson = '';
    for (let r = 0; r < (docCount < 10000 ? 3 : 1); r++) {
      const tn = performance.now();
      index = Fuse.createIndex(NAIVE_FUSE_OPTIONS.keys, docs);
      indexJson = JSON.stringify(index.toJSON());
      naiveRuns.push(performance.now() - tn);
    }
    naiveBuildMs = pct(naiveRuns, 50);
    naiveFirstKB = (gzipSync(JSON.stringify(docs)).length + gzipSync(indexJson).length) / 1024;
    const fuse = new Fuse(docs, NAIVE_FUSE_OPTIONS, index);
    naiveSearch(fuse, docs, QUERIES[0]!); // warm-up
    const times: number[] = [];
    const naiveRounds = docs.length > 5000 ? 1 : Math.min(3, args.rounds);
    for (let r = 0; r < naiveRounds; r++) {
      for (const q of QUERIES) {
        gc();
        const t = performance.now();
        naiveSearch(fuse, docs, q);
        times.push(performance.now() - t);
      }
    }
    naiveP50 = pct(times, 50);
    naiveP95 = pct(times, 95);
    naiveRecall = 0;
    for (const l of labels) naiveRecall += recallAt(naiveSearch(fuse, docs, { q: l.q }), l.relevant);
    naiveRecall /= Math.max(1, labels.length);
  }

  return {
    corpus: name,
    docs: docCount,
    files: files.size,
    indexGzKB: indexGz / 1024,
    buildMs,
    naiveBuildMs,
    coldP50: pct(cold, 50),
    coldP95: pct(cold, 95),
    firstP50: pct(coldFirst, 50),
    firstP95: pct(coldFirst, 95),
    cpuP50: pct(coldCpu, 50),
    cpuP95: pct(coldCpu, 95),
    sessionP50: pct(session, 50),
    sessionP95: pct(session, 95),
    naiveP50,
    naiveP95,
    firstKBMedian: pct(kbs, 50),
    firstKBMax: Math.max(...kbs),
    naiveFirstKB,
    recall,
    naiveRecall,
    labelled: labels.length,
    perQuery,
    scripts,
  };
}

function fmt(n: number, d = 1): string {
  return Number.isFinite(n) ? n.toFixed(d) : 'n/a';
}

const maxRatio = (r: Row) => Math.max(...r.scripts.map((x) => x.otherMs / x.latinMs));

function table(rows: Row[]): string {
  const head = [
    'corpus',
    'docs',
    'build ms ours/naive',
    'index files (gz KB)',
    'ours cold p50/p95 ms (first 26 q) [CPU]',
    'ours session p50/p95 ms',
    'naive p50/p95 ms',
    'KB gz before 1st result: ours med/max | naive',
    'recall@20 ours/naive (n)',
    'Cyrillic ÷ Latin, max',
  ];
  const body = rows.map((r) => [
    r.corpus,
    String(r.docs),
    `${fmt(r.buildMs, 0)} / ${fmt(r.naiveBuildMs, 0)}`,
    `${r.files} (${fmt(r.indexGzKB, 0)})`,
    `${fmt(r.coldP50, 2)} / ${fmt(r.coldP95, 2)} (${fmt(r.firstP50, 2)} / ${fmt(r.firstP95, 2)}) [${fmt(r.cpuP50, 2)} / ${fmt(r.cpuP95, 2)}]`,
    `${fmt(r.sessionP50, 2)} / ${fmt(r.sessionP95, 2)}`,
    `${fmt(r.naiveP50, 1)} / ${fmt(r.naiveP95, 1)}`,
    `${fmt(r.firstKBMedian)} / ${fmt(r.firstKBMax)} | ${fmt(r.naiveFirstKB)}`,
    `${fmt(r.recall, 3)} / ${fmt(r.naiveRecall, 3)} (${r.labelled})`,
    `×${fmt(maxRatio(r), 2)}${r.scripts.every((x) => x.same) ? '' : ' (results differ)'}`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |';
  return [line(head), '|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|', ...body.map(line)].join('\n');
}

async function main() {
  const args = readArgs(process.argv.slice(2));
  const rows: Row[] = [];
  for (const size of args.sizes) {
    let name: string;
    let docsJson: string;
    let labels: Labelled[];
    if (size === 4 && args.real) {
      docsJson = readFileSync(args.real, 'utf8');
      name = `real (${args.real})`;
      labels = labelsFromDocs(JSON.parse(docsJson) as SearchDoc[]);
    } else if (size === 4) {
      // The real site's demands, exactly as the build indexes them.
      const docs = toSearchDocs(buildSite(loadContent().input));
      docsJson = JSON.stringify(docs);
      name = `real (content/, ${docs.length} items)`;
      labels = labelsFromDocs(docs);
    } else {
      const corpus = generateSyntheticCorpus(size, args.seed);
      docsJson = JSON.stringify(corpus.docs);
      name = `synthetic ${size} proc`;
      labels = labelsFromTruth(corpus.truth);
    }
    console.error(`… ${name}`);
    const row = await benchCorpus(name, docsJson, labels, args);
    rows.push(row);
    console.log(`\n${name}: per query (cold, best of ${args.rounds}):`);
    for (const p of row.perQuery) console.log(`  ${p.q.padEnd(48)} ${fmt(p.coldMs, 2).padStart(7)} ms ${fmt(p.kb).padStart(6)} KB gz  total ${p.total}${p.approximate ? ' (approx.)' : ''}${p.similar}`);
    console.log(`${name}: other scripts (cold, best of ${3 * args.rounds}):`);
    for (const x of row.scripts) console.log(`  ${x.latin.padEnd(12)} ${fmt(x.latinMs, 2).padStart(6)} ms   ${x.other.padEnd(12)} ${fmt(x.otherMs, 2).padStart(6)} ms   ×${fmt(x.otherMs / x.latinMs, 2)}   ${x.same ? 'same first 20' : 'DIFFERENT results'}`);
  }
  console.log('\n' + table(rows));
  const big = rows.find((r) => r.docs >= 30000) ?? rows[rows.length - 1];
  if (big) {
    const ok = (b: boolean) => (b ? 'OK  ' : 'MISS');
    console.log(`\ntargets at ${big.corpus}:`);
    console.log(`  ${ok(big.coldP95 <= 16)} p95 ≤ 16 ms/query (cold: ${fmt(big.coldP95, 2)} ms; session: ${fmt(big.sessionP95, 2)} ms; CPU time of a cold query: ${fmt(big.cpuP95, 2)} ms; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')})`);
    console.log(`  ${ok(big.firstKBMax <= 200)} ≤ 200 KB gzip before first result (max over queries: ${fmt(big.firstKBMax)} KB)`);
    console.log(`  ${ok(!(big.recall < big.naiveRecall))} recall ≥ naive fuse.js (${fmt(big.recall, 3)} vs ${fmt(big.naiveRecall, 3)})`);
    console.log(`  ${ok(maxRatio(big) <= 2 && big.scripts.every((x) => x.same))} Cyrillic / Kazakh letters within 2× of Latin, same results (worst: ×${fmt(maxRatio(big), 2)})`);
  }
  if (args.json) writeFileSync(args.json, JSON.stringify(rows, null, 2));
}

await main();
