/**
 * Search client over the files of build.ts (read the top of build.ts for the layout).
 *
 *   const client = createSearchClient({ fetchJson: (path) => fetch(`/search/${path}`).then((r) => r.json()) });
 *   const { results, total, facets, approximate, relaxed } = await client.search({ q: 'Kozlow', year: 2019 });
 *
 * Works wherever `fetchJson` works: the browser (fetch) and Node (node.ts: files on disk or the
 * Map of buildSearchIndex). Every fetched file is cached (as a promise) for the client's life.
 *
 * A query:
 *  1. folds the query (fold.ts) into words (≤ 8; English stopwords dropped when other words remain);
 *  2. per word, fetches the postings shard holding it and expands it to the indexed words it
 *     equals (weight 1), prefixes (≤ 10, most frequent first), or nearly equals: words sharing
 *     trigrams (tri/ shards) within ⌊0.3·length⌋ edits, ≤ 3 (a transposition counts 1), or
 *     containing it (≤ 6). Trigram shards are fetched in parallel for a one-word query, and in a
 *     multi-word query only for words the index does not hold;
 *  3. ANDs the words, each word being the union of its expansions (score = expansion weight ×
 *     impact, × idf). Complete words intersect exactly. A capped ("soft") word cannot filter
 *     exactly: a doc not in its stored entries is surely absent when its docHash is below the
 *     word's sample threshold, else it counts with probability p̂ = the share of the word's
 *     non-top docs among base docs where the sample is complete. Totals and facets are counted
 *     over the base word's docs (its sample, scaled up, when the base word is soft too) and the
 *     response says approximate. A single capped word without filters is exact (its summary).
 *     If no doc has every word, docs with any of them are returned (relaxed);
 *  4. applies the facet filters (combo → kind, themes, addressees; doc number → procedure, year)
 *     and counts facets, each one with the OTHER active filters applied;
 *  5. fetches the doc chunks of the best `limit + 10` candidates by index score and lets fuse.js
 *     (over just those docs: token search, weighted keys, folded values, threshold 0.3) match and
 *     rank them; the final score blends fuse.js's score with the index score, and fuse.js's match
 *     offsets (on folded values) are widened to whole words and mapped back onto the original
 *     strings. Docs the index matched for sure but fuse.js did not follow, highlighted by term.
 * An empty query with filters lists the docs of the smallest filter's list in listing order
 * (newest procedure first); an empty query without filters lists everything.
 */
import Fuse from 'fuse.js';
import type { FuseResult } from 'fuse.js';
import type {
  SearchDoc,
  SearchQuery,
  SearchResponse,
  SearchResultRow,
  Highlight,
  FacetName,
  FacetValue,
  DocumentKind,
} from './types.ts';
import { fold, foldWithMap, mapRangesToOriginal, queryWords, tokenize, trigrams, isFuzzyToken } from './fold.ts';
import { decodeVarints, fnv1a, docHash } from './codec.ts';
import {
  FORMAT,
  FORMAT_VERSION,
  MANIFEST_PATH,
  FACET_KEY,
  MAX_IMPACT,
  payCombo,
  payImpact,
  payTop,
  NAIVE_FUSE_OPTIONS,
  defaultUrl,
  postingsShardPath,
  trigramShardPath,
  docChunkPath,
  procShardPath,
} from './layout.ts';
import type { Manifest, ListSummary, PostingsShard, TrigramShard, DocChunk, ProcShard } from './layout.ts';

export interface SearchClientOptions {
  fetchJson: (path: string) => Promise<unknown>;
  /** Extra candidates (beyond `limit`) fetched and re-ranked by fuse.js. Default 10. */
  rerankExtra?: number;
  /** At most this many docs go through fuse.js (fewer for long queries: 60 docs × words at most);
   * rows beyond keep the index order, verified against the index's words, with word highlights.
   * Default 30. */
  maxRerank?: number;
  /** Procedure facet values returned (most frequent first). Default 20. */
  procedureFacetSize?: number;
}

export interface SearchClient {
  search(query: SearchQuery): Promise<SearchResponse>;
  /** The manifest (fetched once). */
  manifest(): Promise<Manifest>;
}

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;
const PREFIX_MAX = 10;
const FUZZY_MAX = 6;
/** Docs × query words that go through fuse.js per query, at most (see maxRerank). */
const FUSE_BUDGET = 60;
/** Weight of fuse.js's score in the final score (the rest: the index score). */
const BLEND = 0.5;
/** Trigram-sharing words checked by edit distance, at most. */
const FUZZY_POOL = 1500;
const FILTERS: FacetName[] = ['year', 'procedure', 'theme', 'addressee', 'kind'];

interface Rec {
  key: string;
  n: number;
  enc: string;
  summary?: ListSummary;
  /** sample threshold: every doc of the full list with docHash < h is stored (2^32 when complete) */
  h: number;
  decoded?: Decoded;
}
interface Decoded {
  docs: Int32Array;
  combo: Int32Array;
  impact: Uint8Array;
  top: Uint8Array;
}
const ALL = 2 ** 32;
interface Shard {
  keys: string[];
  recs: Map<string, Rec>;
}
interface Combo {
  kind: number;
  themes: number[];
  addrs: number[];
}
interface Model {
  m: Manifest;
  procStart: Int32Array; // P + 1
  procYear: Int32Array;
  procYearIdx: Int32Array;
  /** distinct years, in manifest order (newest first) */
  years: number[];
  yearIdx: Map<number, number>;
  combos: Combo[];
  themeIdx: Map<string, number>;
  addrIdx: Map<string, number>;
  kindIdx: Map<string, number>;
}
interface Expansion {
  term: string;
  rec: Rec;
  weight: number;
}
interface WordSet {
  word: string;
  expansions: Expansion[];
  /** the union of the expansions' stored docs: sorted doc numbers, best contribution, combo, top flag */
  docs: Int32Array;
  scores: Float32Array;
  combos: Int32Array;
  top: Uint8Array;
  complete: boolean;
  /** every doc of the full union with docHash < h is in `docs` (2^32 when complete) */
  h: number;
  /** estimated size of the full union */
  est: number;
  /** fallback probability that a doc not in `docs` has the word (independence) */
  pUnseen: number;
  idf: number;
}
/** Resolved filter values; -1 = a value that matches nothing. */
interface Filters {
  year?: number;
  procedure?: number;
  theme?: number;
  addressee?: number;
  kind?: number;
  active: FacetName[];
  /** the procedure filter's facet list */
  procRec?: Rec;
}

function binarySearch(arr: Int32Array, x: number): boolean {
  let lo = 0;
  let hi = arr.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] === x) return true;
    if (arr[mid]! < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
/** The k best items (by `better`: negative when a comes first), in order; O(n log k). */
export function topK<T>(items: T[], k: number, better: (a: T, b: T) => number): T[] {
  if (items.length <= 4 * k) return [...items].sort(better).slice(0, k);
  const best: T[] = [];
  for (const x of items) {
    if (best.length === k && better(x, best[k - 1]!) >= 0) continue;
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (better(best[mid]!, x) <= 0) lo = mid + 1;
      else hi = mid;
    }
    best.splice(lo, 0, x);
    if (best.length > k) best.pop();
  }
  return best;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
function lowerBound(arr: string[], x: string): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
/** Index of the postings shard that would hold `key`. */
function shardOf(shards: string[], key: string): number {
  let lo = 0;
  let hi = shards.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (shards[mid]! <= key) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

/** Optimal-string-alignment distance, or max + 1 when above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  let prev2 = new Array<number>(lb + 1).fill(0);
  let prev = Array.from({ length: lb + 1 }, (_, j) => j);
  let cur = new Array<number>(lb + 1).fill(0);
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= lb; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[lb]!;
}

/** Edits a query word may be away from an indexed word (≈ fuse.js threshold 0.3). */
export function maxEdits(len: number): number {
  if (len < 4) return 0;
  return Math.min(3, Math.max(1, Math.floor(len * 0.3)));
}

/**
 * Scratch space indexed by doc number, shared by all clients (allocated once, grown if needed,
 * reset by bumping a stamp). Only used synchronously (no await while marked), so sharing is safe.
 */
interface Scratch {
  mark: Int32Array;
  score: Float32Array;
  combo: Int32Array;
  top: Uint8Array;
  stamp: number;
}
let scratch: Scratch | null = null;
/** The scratch space, with a fresh stamp (a doc is marked when mark[doc] === stamp). */
function accumulator(n: number): Scratch {
  if (!scratch || scratch.mark.length < n) {
    const size = Math.max(n, 1024);
    scratch = { mark: new Int32Array(size), score: new Float32Array(size), combo: new Int32Array(size), top: new Uint8Array(size), stamp: 0 };
  }
  scratch.stamp++;
  return scratch;
}

export function createSearchClient(options: SearchClientOptions): SearchClient {
  const { fetchJson } = options;
  const rerankExtra = options.rerankExtra ?? 10;
  const maxRerank = options.maxRerank ?? 30;
  const procFacetSize = options.procedureFacetSize ?? 20;
  const files = new Map<string, Promise<unknown>>();
  const postings = new Map<number, Promise<Shard>>();
  const docCache = new Map<number, SearchDoc>();
  let modelP: Promise<Model> | null = null;

  function load(path: string): Promise<unknown> {
    let p = files.get(path);
    if (!p) {
      p = fetchJson(path);
      files.set(path, p);
      p.catch(() => files.delete(path));
    }
    return p;
  }

  function model(): Promise<Model> {
    if (!modelP) {
      modelP = (load(MANIFEST_PATH) as Promise<Manifest>).then((m) => {
        if (!m || m.format !== FORMAT || m.version !== FORMAT_VERSION) throw new Error('search: unsupported index format');
        const counts = decodeVarints(m.procDocs);
        const procStart = new Int32Array(counts.length + 1);
        for (let i = 0; i < counts.length; i++) procStart[i + 1] = procStart[i]! + counts[i]!;
        const procYear = new Int32Array(counts.length);
        const procYearIdx = new Int32Array(counts.length);
        const years: number[] = [];
        const yearIdx = new Map<number, number>();
        let pi = 0;
        for (const [year, procs] of m.years) {
          if (!yearIdx.has(year)) {
            yearIdx.set(year, years.length);
            years.push(year);
          }
          for (let j = 0; j < procs; j++) {
            procYear[pi] = year;
            procYearIdx[pi++] = yearIdx.get(year)!;
          }
        }
        const cv = decodeVarints(m.combos);
        const combos: Combo[] = [];
        for (let i = 0; i < cv.length; ) {
          const kind = cv[i++]!;
          const nt = cv[i++]!;
          const themes = cv.slice(i, i + nt);
          i += nt;
          const na = cv[i++]!;
          const addrs = cv.slice(i, i + na);
          i += na;
          combos.push({ kind, themes, addrs });
        }
        return {
          m,
          procStart,
          procYear,
          procYearIdx,
          years,
          yearIdx,
          combos,
          themeIdx: new Map(m.themes.map(([id], i) => [id, i])),
          addrIdx: new Map(m.addressees.map(([id], i) => [id, i])),
          kindIdx: new Map(m.kinds.map((k, i) => [k, i])),
        };
      });
      modelP.catch(() => {
        modelP = null;
      });
    }
    return modelP;
  }

  function postingsShard(i: number): Promise<Shard> {
    let p = postings.get(i);
    if (!p) {
      p = (load(postingsShardPath(i)) as Promise<PostingsShard>).then((s) => {
        const keys: string[] = [];
        const recs = new Map<string, Rec>();
        for (const r of s.k) {
          keys.push(r[0]);
          recs.set(r[0], { key: r[0], n: r[1], enc: r[2], summary: r[3], h: r[3] ? r[3].h : ALL });
        }
        return { keys, recs };
      });
      postings.set(i, p);
      p.catch(() => postings.delete(i));
    }
    return p;
  }

  async function getRec(M: Model, key: string): Promise<Rec | undefined> {
    const shard = await postingsShard(shardOf(M.m.shards, key));
    return shard.recs.get(key);
  }

  function decode(rec: Rec): Decoded {
    if (!rec.decoded) {
      const v = decodeVarints(rec.enc);
      const n = v.length >> 1;
      const d: Decoded = { docs: new Int32Array(n), combo: new Int32Array(n), impact: new Uint8Array(n), top: new Uint8Array(n) };
      let prev = -1;
      for (let i = 0; i < n; i++) {
        prev += v[2 * i]! + 1;
        const pay = v[2 * i + 1]!;
        d.docs[i] = prev;
        d.combo[i] = payCombo(pay);
        d.impact[i] = payImpact(pay);
        d.top[i] = payTop(pay);
      }
      rec.decoded = d;
    }
    return rec.decoded;
  }

  function procOf(M: Model, doc: number): number {
    const s = M.procStart;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (s[mid]! <= doc) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  async function procRef(M: Model, pi: number): Promise<string> {
    const shard = (await load(procShardPath(Math.floor(pi / M.m.procShardSize)))) as ProcShard;
    return shard[pi % M.m.procShardSize]!;
  }

  async function getDocs(M: Model, nums: number[]): Promise<SearchDoc[]> {
    const chunks = [...new Set(nums.filter((n) => !docCache.has(n)).map((n) => Math.floor(n / M.m.chunkSize)))];
    await Promise.all(
      chunks.map(async (c) => {
        const chunk = (await load(docChunkPath(c))) as DocChunk;
        chunk.d.forEach((row, j) => {
          const num = c * M.m.chunkSize + j;
          if (docCache.has(num)) return;
          const [id, text, pl, kind, ti, ai, people, provisions, url, ov] = row;
          const [, procedure, slug, year, title] = chunk.p[pl]!;
          const doc: SearchDoc = {
            id,
            text,
            procedure: ov?.procedure ?? procedure,
            slug: ov?.slug ?? slug,
            year: ov?.year ?? year,
            title: ov?.title ?? title,
            documentKind: (ov?.documentKind ?? M.m.kinds[kind]) as DocumentKind,
            themes: ti.map((i) => M.m.themes[i]![0]!),
            themeLabels: ov?.themeLabels ?? ti.map((i) => M.m.themes[i]![1]!),
            addressees: ai.map((i) => M.m.addressees[i]![0]!),
            addresseeLabels: ov?.addresseeLabels ?? ai.map((i) => M.m.addressees[i]![1]!),
            people,
            provisions,
            url: url === 0 ? defaultUrl(ov?.slug ?? slug, id) : url,
          };
          docCache.set(num, doc);
        });
      }),
    );
    return nums.map((n) => docCache.get(n)!);
  }

  // ── filters ──
  async function resolveFilters(M: Model, q: SearchQuery): Promise<Filters> {
    const f: Filters = { active: [] };
    const has = (v: unknown) => v !== undefined && v !== null && v !== '';
    if (has(q.year)) {
      const y = Number(q.year);
      f.year = Number.isInteger(y) ? y : -1;
      f.active.push('year');
    }
    if (has(q.procedure)) {
      const rec = await getRec(M, FACET_KEY.procedure(String(q.procedure)));
      f.procedure = rec && rec.n > 0 ? procOf(M, decode(rec).docs[0]!) : -1;
      f.procRec = rec;
      f.active.push('procedure');
    }
    if (has(q.theme)) {
      f.theme = M.themeIdx.get(String(q.theme)) ?? -1;
      f.active.push('theme');
    }
    if (has(q.addressee)) {
      f.addressee = M.addrIdx.get(String(q.addressee)) ?? -1;
      f.active.push('addressee');
    }
    if (has(q.kind)) {
      f.kind = M.kindIdx.get(String(q.kind)) ?? -1;
      f.active.push('kind');
    }
    return f;
  }

  /** Bitmask of the filters (bit i = FILTERS[i]) that `doc` fails. */
  function failMask(M: Model, f: Filters, doc: number, combo: number): number {
    if (f.active.length === 0) return 0;
    let mask = 0;
    let pi = -1;
    if (f.year !== undefined || f.procedure !== undefined) pi = procOf(M, doc);
    if (f.year !== undefined && M.procYear[pi] !== f.year) mask |= 1;
    if (f.procedure !== undefined && pi !== f.procedure) mask |= 2;
    const c = M.combos[combo]!;
    if (f.theme !== undefined && !c.themes.includes(f.theme)) mask |= 4;
    if (f.addressee !== undefined && !c.addrs.includes(f.addressee)) mask |= 8;
    if (f.kind !== undefined && c.kind !== f.kind) mask |= 16;
    return mask;
  }

  // ── facet counting ──
  /** Weighted facet counts; small facets in typed arrays (by index), procedures in a Map. */
  class Counter {
    year: Float64Array;
    procedure = new Map<number, number>();
    theme: Float64Array;
    addressee: Float64Array;
    kind: Float64Array;
    constructor(M: Model) {
      this.year = new Float64Array(M.years.length);
      this.theme = new Float64Array(M.m.themes.length);
      this.addressee = new Float64Array(M.m.addressees.length);
      this.kind = new Float64Array(M.m.kinds.length);
    }
    /** Adds a doc with weight w; `only` = the single facet it counts for (it fails only that filter), or -1 for all. */
    add(M: Model, doc: number, combo: number, w: number, only: number) {
      const c = M.combos[combo]!;
      if (only < 0 || only <= 1) {
        const pi = procOf(M, doc);
        if (only < 0 || only === 0) this.year[M.procYearIdx[pi]!]! += w;
        if (only < 0 || only === 1) this.procedure.set(pi, (this.procedure.get(pi) ?? 0) + w);
      }
      if (only < 0 || only === 2) for (let i = 0; i < c.themes.length; i++) this.theme[c.themes[i]!]! += w;
      if (only < 0 || only === 3) for (let i = 0; i < c.addrs.length; i++) this.addressee[c.addrs[i]!]! += w;
      if (only < 0 || only === 4) this.kind[c.kind]! += w;
    }
    addSummary(M: Model, s: ListSummary) {
      for (let i = 0; i < s.y.length; i += 2) {
        const yi = M.yearIdx.get(s.y[i]!);
        if (yi !== undefined) this.year[yi]! += s.y[i + 1]!;
      }
      for (let i = 0; i < s.p.length; i += 2) this.procedure.set(s.p[i]!, (this.procedure.get(s.p[i]!) ?? 0) + s.p[i + 1]!);
      for (let i = 0; i < s.t.length; i += 2) this.theme[s.t[i]!]! += s.t[i + 1]!;
      for (let i = 0; i < s.a.length; i += 2) this.addressee[s.a[i]!]! += s.a[i + 1]!;
      for (let i = 0; i < s.k.length; i += 2) this.kind[s.k[i]!]! += s.k[i + 1]!;
    }
    /** Replaces facet i (FILTERS order) by the same facet of another counter. */
    setFacet(i: number, source: Counter) {
      if (i === 0) this.year = source.year;
      else if (i === 1) this.procedure = source.procedure;
      else if (i === 2) this.theme = source.theme;
      else if (i === 3) this.addressee = source.addressee;
      else this.kind = source.kind;
    }
  }

  function globalCounter(M: Model): Counter {
    const c = new Counter(M);
    M.m.years.forEach(([year, , docs]) => (c.year[M.yearIdx.get(year)!]! += docs));
    for (let pi = 0; pi < M.procYear.length; pi++) c.procedure.set(pi, M.procStart[pi + 1]! - M.procStart[pi]!);
    M.m.themes.forEach(([, , n], i) => (c.theme[i] = n));
    M.m.addressees.forEach(([, , n], i) => (c.addressee[i] = n));
    M.m.kindCounts.forEach((n, i) => (c.kind[i] = n));
    return c;
  }

  async function facetsOut(M: Model, c: Counter, f: Filters): Promise<Record<FacetName, FacetValue[]>> {
    const round = (entries: Iterable<[number, number]>, selected?: number): [number, number][] => {
      const e: [number, number][] = [];
      let hasSel = false;
      for (const [k, v] of entries) {
        const r = Math.round(v);
        if (k === selected) hasSel = true;
        if (r > 0 || k === selected) e.push([k, r]);
      }
      if (selected !== undefined && selected >= 0 && !hasSel) e.push([selected, 0]);
      return e;
    };
    const arr = (a: Float64Array): [number, number][] => Array.from(a, (v, i) => [i, v] as [number, number]);
    const yearSel = f.year === undefined ? undefined : M.yearIdx.get(f.year) ?? -1;
    const year = round(arr(c.year), yearSel)
      .filter(([i]) => i >= 0)
      .sort((a, b) => M.years[b[0]!]! - M.years[a[0]!]!)
      .map(([i, n]) => ({ value: String(M.years[i]), count: n, label: String(M.years[i]) }));
    let procs = round(c.procedure, f.procedure).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    if (procs.length > procFacetSize) {
      const sel = procs.find(([p]) => p === f.procedure);
      procs = procs.slice(0, procFacetSize);
      if (sel && !procs.includes(sel)) procs.push(sel);
    }
    const procedure = await Promise.all(
      procs
        .filter(([p]) => p >= 0)
        .map(async ([p, n]) => {
          const ref = await procRef(M, p);
          return { value: ref, count: n, label: ref };
        }),
    );
    const labelled = (a: Float64Array, table: [string, string, number][], selected?: number) =>
      round(arr(a), selected)
        .filter(([i]) => i >= 0)
        .sort((x, y) => y[1]! - x[1]! || cmp(table[x[0]!]![1]!, table[y[0]!]![1]!))
        .map(([i, n]) => ({ value: table[i]![0]!, count: n, label: table[i]![1]! }));
    const kind = round(arr(c.kind), f.kind)
      .filter(([i]) => i >= 0)
      .sort((a, b) => a[0] - b[0])
      .map(([i, n]) => ({ value: M.m.kinds[i]!, count: n, label: M.m.kinds[i]! }));
    return {
      year,
      procedure,
      theme: labelled(c.theme, M.m.themes, f.theme),
      addressee: labelled(c.addressee, M.m.addressees, f.addressee),
      kind,
    };
  }

  // ── words ──
  /**
   * @param eagerFuzzy fetch the word's trigram shards in parallel with its postings (single-word
   *   queries); otherwise only when the index does not hold the word itself (multi-word queries:
   *   saves the trigram shards of correctly spelt words).
   */
  async function resolveWord(M: Model, word: string, eagerFuzzy: boolean): Promise<WordSet> {
    const N = M.m.docCount;
    const exactShard = shardOf(M.m.shards, word);
    const canFuzzy = word.length >= 4 && isFuzzyToken(word) && M.m.trigramShards > 0;
    const grams = canFuzzy ? trigrams(word) : [];
    let triP: Promise<(string | 0 | undefined)[]> | null = null;
    const fetchTrigrams = () =>
      Promise.all([...new Set(grams.map((g) => fnv1a(g) % M.m.trigramShards))].map((i) => load(trigramShardPath(i)) as Promise<TrigramShard>)).then((shards) =>
        grams.map((g) => {
          for (const s of shards) if (Object.prototype.hasOwnProperty.call(s, g)) return s[g];
          return undefined;
        }),
      );
    if (canFuzzy && eagerFuzzy) triP = fetchTrigrams();
    triP?.catch(() => undefined);
    const expansions: Expansion[] = [];
    const taken = new Set<string>();
    // exact + prefixes
    const digits = /^\p{N}+$/u.test(word);
    const prefixOk = word.length >= 3 && !digits;
    const prefixes: Rec[] = [];
    for (let si = exactShard, hops = 0; si < M.m.shards.length && hops < 3; si++, hops++) {
      if (hops > 0 && !(prefixOk && M.m.shards[si]!.startsWith(word))) break;
      const shard = await postingsShard(si);
      let i = lowerBound(shard.keys, word);
      for (; i < shard.keys.length; i++) {
        const k = shard.keys[i]!;
        if (k === word) {
          expansions.push({ term: k, rec: shard.recs.get(k)!, weight: 1 });
          taken.add(k);
          if (!prefixOk) break;
          continue;
        }
        if (!prefixOk || !k.startsWith(word)) break;
        prefixes.push(shard.recs.get(k)!);
      }
      if (i < shard.keys.length) break;
    }
    prefixes.sort((a, b) => b.n - a.n || cmp(a.key, b.key));
    for (const r of prefixes.slice(0, PREFIX_MAX)) {
      expansions.push({ term: r.key, rec: r, weight: 0.75 + 0.2 * (word.length / r.key.length) });
      taken.add(r.key);
    }
    // fuzzy / infix via trigrams
    if (canFuzzy && !triP && !taken.has(word)) triP = fetchTrigrams();
    if (triP) {
      const lists = await triP;
      const shared = new Map<string, number>();
      for (const l of lists) {
        if (!l) continue;
        for (const t of l.split(' ')) shared.set(t, (shared.get(t) ?? 0) + 1);
      }
      // an edit changes at most 4 of the word's trigrams (a transposition), so a word within
      // maxE edits shares at least grams - 4·maxE of them; check the most similar first
      const maxE = maxEdits(word.length);
      const minShared = Math.max(1, grams.length - 4 * maxE);
      const pool = [...shared].filter(([t, s]) => s >= minShared && !taken.has(t));
      if (pool.length > FUZZY_POOL) pool.sort((a, b) => b[1] - a[1] || cmp(a[0], b[0])).length = FUZZY_POOL;
      const cands: [string, number, number][] = [];
      for (const [t, s] of pool) {
        const d = editDistance(word, t, maxE);
        if (d <= maxE) cands.push([t, d, s]);
        else if (t.includes(word)) cands.push([t, maxE + 1, s]);
      }
      cands.sort((a, b) => a[1] - b[1] || b[2] - a[2] || cmp(a[0], b[0]));
      const chosen = cands.slice(0, FUZZY_MAX);
      const recs = await Promise.all(chosen.map(([t]) => getRec(M, t)));
      chosen.forEach(([t, d], i) => {
        const rec = recs[i];
        if (!rec) return;
        const weight = d <= maxE ? 0.7 - 0.1 * (d - 1) : 0.5;
        expansions.push({ term: t, rec, weight });
        taken.add(t);
      });
    }
    // union
    let complete = true;
    let unseen = 0;
    let maxN = 0;
    let h = ALL;
    const acc = accumulator(M.m.docCount);
    const stamp = acc.stamp;
    const touched: number[] = [];
    for (const e of expansions) {
      const { docs, impact, combo, top } = decode(e.rec);
      if (e.rec.n > docs.length) {
        complete = false;
        unseen += e.rec.n - docs.length;
        h = Math.min(h, e.rec.h);
      }
      maxN = Math.max(maxN, e.rec.n);
      const k = e.weight / MAX_IMPACT;
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i]!;
        const s = k * impact[i]!;
        if (acc.mark[d]! !== stamp) {
          acc.mark[d] = stamp;
          acc.score[d] = s;
          acc.combo[d] = combo[i]!;
          acc.top[d] = top[i]!;
          touched.push(d);
        } else {
          if (s > acc.score[d]!) acc.score[d] = s;
          acc.top[d]! |= top[i]!;
        }
      }
    }
    const docs = Int32Array.from(touched).sort();
    const scores = new Float32Array(docs.length);
    const combos = new Int32Array(docs.length);
    const top = new Uint8Array(docs.length);
    for (let i = 0; i < docs.length; i++) {
      scores[i] = acc.score[docs[i]!]!;
      combos[i] = acc.combo[docs[i]!]!;
      top[i] = acc.top[docs[i]!]!;
    }
    const est = Math.min(N, docs.length + unseen);
    const pUnseen = complete ? 0 : Math.min(1, unseen / Math.max(1, N - docs.length));
    const idf = Math.log(1 + N / Math.max(1, Math.max(maxN, est)));
    return { word, expansions, docs, scores, combos, top, complete, h, est, pUnseen, idf };
  }

  async function search(query: SearchQuery): Promise<SearchResponse> {
    const M = await model();
    const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(Number(query.limit ?? DEFAULT_LIMIT)) || DEFAULT_LIMIT));
    const f = await resolveFilters(M, query);
    const words = withoutStopwords(queryWords(String(query.q ?? '')));
    if (words.length === 0) return browse(M, f, limit);

    const sets = await Promise.all(words.map((w) => resolveWord(M, w, words.length === 1)));
    const N = M.m.docCount;
    let relaxed = false;
    let approximate = sets.some((s) => !s.complete);
    // candidates (parallel arrays): doc, combo, weight = probability it has every word, index
    // score, and whether it is in the counting set (see below)
    let cDoc: number[] = [];
    let cCombo: number[] = [];
    let cW: number[] = [];
    let cScore: number[] = [];
    let cCount: boolean[] = [];
    let scale = 1;
    if (!sets.some((s) => s.docs.length === 0 && s.complete)) {
      const hard = sets.filter((s) => s.complete).sort((a, b) => a.docs.length - b.docs.length);
      const soft = sets.filter((s) => !s.complete).sort((a, b) => a.est - b.est);
      const base = (hard[0] ?? soft[0])!;
      const others = sets.filter((s) => s !== base);
      const nb = base.docs.length;
      // Counting set: all of base's docs when base is complete, else its sample (docHash < h),
      // scaled up by 1/(sampled fraction of the hash space). For each other word, a doc of the
      // counting set is: a member (in its stored docs), surely absent (complete word, or docHash
      // below the word's threshold), or unknown — then weighted by p̂, the share of members among
      // the word's non-top docs, measured where its sample is complete.
      const hash = new Float64Array(nb);
      for (let i = 0; i < nb; i++) hash[i] = docHash(base.docs[i]!);
      const inC = (i: number) => base.complete || hash[i]! < base.h;
      if (!base.complete) scale = ALL / base.h;
      const member = others.map(() => new Int32Array(nb).fill(-1));
      others.forEach((o, k) => {
        let j = 0;
        for (let i = 0; i < nb; i++) {
          const doc = base.docs[i]!;
          while (j < o.docs.length && o.docs[j]! < doc) j++;
          if (j < o.docs.length && o.docs[j]! === doc) member[k]![i] = j;
        }
      });
      const pHat = others.map((o, k) => {
        if (o.complete) return 0;
        let m = 0;
        let s = 0;
        for (let i = 0; i < nb; i++) {
          if (!inC(i) || hash[i]! >= o.h) continue;
          const j = member[k]![i]!;
          if (j < 0) s++;
          else if (!o.top[j]!) {
            m++;
            s++;
          }
        }
        return s > 0 ? m / s : o.pUnseen;
      });
      for (let i = 0; i < nb; i++) {
        let w = 1;
        let score = base.idf * base.scores[i]!;
        for (let k = 0; k < others.length && w > 0; k++) {
          const o = others[k]!;
          const j = member[k]![i]!;
          if (j >= 0) score += o.idf * o.scores[j]!;
          else if (o.complete || hash[i]! < o.h) w = 0;
          else w *= pHat[k]!;
        }
        if (w > 0) {
          cDoc.push(base.docs[i]!);
          cCombo.push(base.combos[i]!);
          cW.push(w);
          cScore.push(score);
          cCount.push(inC(i));
        }
      }
    }
    if (cDoc.length === 0 && sets.length > 1) {
      // relaxed: docs with any of the words, those with more words first
      relaxed = true;
      scale = 1;
      const acc = accumulator(N);
      const stamp = acc.stamp;
      const touched: number[] = [];
      for (const s of sets) {
        for (let i = 0; i < s.docs.length; i++) {
          const d = s.docs[i]!;
          const v = 1000 + s.idf * s.scores[i]!;
          if (acc.mark[d]! !== stamp) {
            acc.mark[d] = stamp;
            acc.score[d] = v;
            acc.combo[d] = s.combos[i]!;
            touched.push(d);
          } else acc.score[d]! += v;
        }
      }
      touched.sort((a, b) => a - b);
      cDoc = touched;
      cCombo = touched.map((d) => acc.combo[d]!);
      cW = touched.map(() => 1);
      cScore = touched.map((d) => acc.score[d]!);
      cCount = touched.map(() => true);
    }

    // filters + facets (each facet counted with the other filters applied)
    const counter = new Counter(M);
    const matched: number[] = []; // indexes into the candidate arrays
    let total = 0;
    let sure = 0;
    for (let i = 0; i < cDoc.length; i++) {
      const mask = failMask(M, f, cDoc[i]!, cCombo[i]!);
      if (mask === 0) {
        matched.push(i);
        if (cW[i]! >= 1) sure++;
        if (!cCount[i]) continue;
        total += cW[i]!;
        counter.add(M, cDoc[i]!, cCombo[i]!, cW[i]! * scale, -1);
      } else if (cCount[i]! && (mask & (mask - 1)) === 0) counter.add(M, cDoc[i]!, cCombo[i]!, cW[i]! * scale, 31 - Math.clz32(mask));
    }
    total = approximate ? Math.max(sure, Math.round(total * scale)) : matched.length;
    // one word, no filter: capped expansions count from their summaries (exact over their full
    // lists); docs of complete expansions outside those lists count one each
    if (!relaxed && sets.length === 1 && !sets[0]!.complete && f.active.length === 0) {
      const exact = new Counter(M);
      const capped = sets[0]!.expansions.filter((e) => e.rec.summary);
      let n = 0;
      for (const e of capped) {
        exact.addSummary(M, e.rec.summary!);
        n += e.rec.n;
      }
      for (let i = 0; i < cDoc.length; i++) {
        if (capped.some((e) => binarySearch(e.rec.decoded!.docs, cDoc[i]!))) continue;
        exact.add(M, cDoc[i]!, cCombo[i]!, 1, -1);
        n++;
      }
      for (let i = 0; i < 5; i++) counter.setFacet(i, exact);
      total = Math.min(N, n);
    }

    // rank by index score (docs sure to match first), re-rank the best with fuse.js
    const better = (a: number, b: number) => (cW[b]! >= 1 ? 1 : 0) - (cW[a]! >= 1 ? 1 : 0) || cScore[b]! - cScore[a]! || cDoc[a]! - cDoc[b]!;
    // fuse.js's cost grows with docs × words: long queries re-rank fewer docs
    const fuseN = Math.min(limit + rerankExtra, maxRerank, Math.max(10, Math.floor(FUSE_BUDGET / words.length)));
    const window = topK(matched, Math.max(fuseN, limit + (approximate ? rerankExtra : 0)), better);
    const docs = await getDocs(
      M,
      window.map((i) => cDoc[i]!),
    );
    // The naive baseline's options (so the bench compares like with like), searching by token.
    const fuse = new Fuse(docs.slice(0, fuseN), {
      ...NAIVE_FUSE_OPTIONS,
      useTokenSearch: true,
      tokenMatch: relaxed ? 'any' : 'all',
      tokenize: (s: string) => tokenize(s),
    });
    const fuseResults = fuse.search(words.join(' '));
    // final score: fuse.js's score blended with the index score (normalised over the window),
    // which knows an exact word from a longer word that merely contains it ("Kopov" / "Kopova")
    let best = 0;
    for (const ci of window) best = Math.max(best, cScore[ci]!);
    const quality = (ci: number) => (best > 0 ? cScore[ci]! / best : 1);
    const seen = new Set<number>();
    const rows: SearchResultRow[] = [];
    for (const r of fuseResults) {
      seen.add(r.refIndex);
      rows.push({ doc: r.item, score: BLEND * (r.score ?? 0) + (1 - BLEND) * (1 - quality(window[r.refIndex]!)), highlights: highlightsOf(r, words) });
    }
    rows.sort((a, b) => a.score - b.score);
    // then, in index order: docs of the fuse.js window the index matched for sure but fuse.js did
    // not, and the docs beyond the window that the index matched (checked against the words'
    // expansions when a capped word left it unsure), highlighted by index word
    let floor = rows.length ? rows[rows.length - 1]!.score : 0;
    window.forEach((ci, i) => {
      if (seen.has(i) || rows.length >= limit) return;
      const doc = docs[i]!;
      if (cW[ci]! < 1 && (i < fuseN || !hasWords(doc, sets, relaxed))) return;
      floor = Math.max(floor, BLEND + (1 - BLEND) * (1 - quality(ci)));
      rows.push({ doc, score: floor, highlights: termHighlights(doc, sets) });
    });
    return { results: rows.slice(0, limit), total: Math.max(total, rows.length), facets: await facetsOut(M, counter, f), approximate, relaxed };
  }

  async function browse(M: Model, f: Filters, limit: number): Promise<SearchResponse> {
    if (f.active.length === 0) {
      const nums = Array.from({ length: Math.min(limit, M.m.docCount) }, (_, i) => i);
      const docs = await getDocs(M, nums);
      return {
        results: docs.map((doc) => ({ doc, score: 0, highlights: [] })),
        total: M.m.docCount,
        facets: await facetsOut(M, globalCounter(M), f),
        approximate: false,
        relaxed: false,
      };
    }
    // the list of each active filter, smallest first
    const sizeOf = (name: FacetName): number => {
      switch (name) {
        case 'year':
          return M.m.years.filter(([y]) => y === f.year).reduce((s, [, , d]) => s + d, 0);
        case 'procedure':
          return f.procedure! >= 0 ? M.procStart[f.procedure! + 1]! - M.procStart[f.procedure!]! : 0;
        case 'theme':
          return f.theme! >= 0 ? M.m.themes[f.theme!]![2]! : 0;
        case 'addressee':
          return f.addressee! >= 0 ? M.m.addressees[f.addressee!]![2]! : 0;
        case 'kind':
          return f.kind! >= 0 ? M.m.kindCounts[f.kind!]! : 0;
      }
    };
    const keyOf = (name: FacetName): string => {
      switch (name) {
        case 'year':
          return FACET_KEY.year(f.year!);
        case 'procedure':
          return f.procRec?.key ?? '';
        case 'theme':
          return FACET_KEY.theme(M.m.themes[f.theme!]![0]!);
        case 'addressee':
          return FACET_KEY.addressee(M.m.addressees[f.addressee!]![0]!);
        case 'kind':
          return FACET_KEY.kind(M.m.kinds[f.kind!]!);
      }
    };
    const order = [...f.active].sort((a, b) => sizeOf(a) - sizeOf(b) || FILTERS.indexOf(a) - FILTERS.indexOf(b));
    if (sizeOf(order[0]!) === 0) {
      return { results: [], total: 0, facets: await facetsOut(M, new Counter(M), f), approximate: false, relaxed: false };
    }
    const listDocs = async (name: FacetName): Promise<{ d: Decoded; h: number; rec?: Rec }> => {
      const rec = name === 'procedure' ? f.procRec : await getRec(M, keyOf(name));
      if (!rec) return { d: { docs: new Int32Array(0), combo: new Int32Array(0), impact: new Uint8Array(0), top: new Uint8Array(0) }, h: ALL };
      return { d: decode(rec), h: rec.h, rec };
    };
    const baseName = order[0]!;
    const base = await listDocs(baseName);
    const baseBit = FILTERS.indexOf(baseName);
    const counter = new Counter(M);
    const matched: number[] = [];
    // a capped list counts over its sample (docHash < h), scaled up
    const scale = base.h < ALL ? ALL / base.h : 1;
    let counted = 0;
    for (let i = 0; i < base.d.docs.length; i++) {
      const doc = base.d.docs[i]!;
      const combo = base.d.combo[i]!;
      const mask = failMask(M, f, doc, combo);
      if (mask === 0) matched.push(doc);
      if (scale !== 1 && docHash(doc) >= base.h) continue;
      if (mask === 0) {
        counted++;
        counter.add(M, doc, combo, scale, -1);
      } else if ((mask & (mask - 1)) === 0) counter.add(M, doc, combo, scale, 31 - Math.clz32(mask));
    }
    let total = Math.max(matched.length, Math.round(counted * scale));
    const approximate = scale !== 1 && f.active.length > 1;
    if (f.active.length === 1 && base.rec?.summary) {
      const exact = new Counter(M);
      exact.addSummary(M, base.rec.summary);
      for (let i = 0; i < 5; i++) if (i !== baseBit) counter.setFacet(i, exact);
      total = base.rec.n;
    }
    // the base facet's own counts: docs passing every OTHER filter
    if (f.active.length === 1) counter.setFacet(baseBit, globalCounter(M));
    else {
      const second = await listDocs(order[1]!);
      const own = new Counter(M);
      const s2 = second.h < ALL ? ALL / second.h : 1;
      for (let i = 0; i < second.d.docs.length; i++) {
        const doc = second.d.docs[i]!;
        if (s2 !== 1 && docHash(doc) >= second.h) continue;
        const mask = failMask(M, f, doc, second.d.combo[i]!) & ~(1 << baseBit);
        if (mask === 0) own.add(M, doc, second.d.combo[i]!, s2, baseBit);
      }
      counter.setFacet(baseBit, own);
    }
    const docs = await getDocs(M, matched.slice(0, limit));
    return {
      results: docs.map((doc) => ({ doc, score: 0, highlights: [] })),
      total,
      facets: await facetsOut(M, counter, f),
      approximate,
      relaxed: false,
    };
  }

  return { search, manifest: async () => (await model()).m };
}

/** Query words dropped when the query has other words (they match nearly every demand). */
const STOPWORDS = new Set(['a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'in', 'into', 'is', 'it', 'its', 'of', 'on', 'or', 'that', 'the', 'their', 'this', 'to', 'was', 'were', 'with']);
export function withoutStopwords(words: string[]): string[] {
  const kept = words.filter((w) => !STOPWORDS.has(w));
  return kept.length ? kept : words;
}

const ARRAY_KEYS = new Set(['people', 'provisions', 'themeLabels', 'addresseeLabels']);

/** Highlights from fuse.js matches (offsets on folded values) mapped onto the original strings. */
function highlightsOf(r: FuseResult<SearchDoc>, words: string[]): Highlight[] {
  const out: Highlight[] = [];
  for (const m of r.matches ?? []) {
    const key = m.key as keyof SearchDoc;
    if (!key || !m.indices?.length) continue;
    const isArray = ARRAY_KEYS.has(key);
    const original = isArray ? (r.item[key] as string[])[m.refIndex ?? 0] : (r.item[key] as string);
    if (typeof original !== 'string') continue;
    const map = foldWithMap(original);
    const ranges = mapRangesToOriginal(map, widenToWords(map.folded, m.indices, words));
    if (!ranges.length) continue;
    out.push(isArray ? { key, index: m.refIndex ?? 0, ranges } : { key, ranges });
  }
  return out;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
/**
 * Widens fuse.js's ranges to whole words, and keeps only those whose word relates to a query word
 * (equal, prefix, contained, or within its edit budget): bitap also reports scattered partial
 * matches ("and" for "kuramshin", "tial" in "essential" for "trial"), which are dropped.
 */
function widenToWords(folded: string, ranges: ReadonlyArray<readonly [number, number]>, words: string[]): [number, number][] {
  const out: [number, number][] = [];
  for (const [a0, b0] of ranges) {
    if (b0 - a0 < 1) continue;
    let a = a0;
    let b = b0;
    while (a > 0 && WORD_CHAR.test(folded[a - 1]!)) a--;
    while (b < folded.length - 1 && WORD_CHAR.test(folded[b + 1]!)) b++;
    const word = folded.slice(a, b + 1);
    if (relates(word, words)) out.push([a, b]);
  }
  return out;
}

function relates(word: string, words: string[]): boolean {
  for (const q of words) {
    if (word === q || word.startsWith(q) || (q.length >= 4 && word.includes(q))) return true;
    const e = maxEdits(q.length);
    if (e > 0 && editDistance(q, word, e) <= e) return true;
  }
  return false;
}

/** The words (expansion terms) of the query, as a set. */
function termSet(sets: WordSet[]): Set<string> {
  const terms = new Set<string>();
  for (const s of sets) for (const e of s.expansions) terms.add(e.term);
  return terms;
}

/** Ranges of whole index terms in a string (folded, then mapped back onto the original). */
function termRanges(value: string, terms: Set<string>): [number, number][] {
  const map = foldWithMap(value);
  const ranges: [number, number][] = [];
  const re = /[\p{L}\p{N}]+/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(map.folded))) if (terms.has(m[0])) ranges.push([m.index, m.index + m[0].length - 1]);
  return ranges.length ? mapRangesToOriginal(map, ranges) : [];
}

/** Highlights of the query's index terms, for docs that fuse.js did not rank. */
function termHighlights(doc: SearchDoc, sets: WordSet[]): Highlight[] {
  const terms = termSet(sets);
  const out: Highlight[] = [];
  for (const key of ['text', 'procedure', 'title'] as const) {
    const ranges = termRanges(doc[key], terms);
    if (ranges.length) out.push({ key, ranges });
  }
  for (const key of ['people', 'provisions', 'themeLabels', 'addresseeLabels'] as const) {
    doc[key].forEach((v, index) => {
      const ranges = termRanges(v, terms);
      if (ranges.length) out.push({ key, index, ranges });
    });
  }
  return out;
}

/** Whether the doc's searched fields hold every word (some word when relaxed), via its expansions. */
function hasWords(doc: SearchDoc, sets: WordSet[], relaxed: boolean): boolean {
  const tokens = new Set<string>();
  const add = (v: string) => {
    for (const t of tokenize(fold(v))) tokens.add(t);
  };
  add(doc.text);
  add(doc.procedure);
  add(doc.title);
  for (const key of ['people', 'provisions', 'themeLabels', 'addresseeLabels'] as const) doc[key].forEach(add);
  const has = (s: WordSet) => s.expansions.some((e) => tokens.has(e.term));
  return relaxed ? sets.some(has) : sets.every(has);
}
