/**
 * Search client over the files of build.ts (read the top of build.ts for the layout).
 *
 *   const client = createSearchClient({ fetchJson: (path) => fetch(`/search/${path}`).then((r) => r.json()) });
 *   const { results, total, facets } = await client.search({ q: 'Kozlow', year: 2019 });
 *
 * Works anywhere `fetchJson` works: the browser (fetch), Node (see node.ts: files on disk or in a
 * Map). Every fetched file is cached (as a promise) for the life of the client.
 *
 * A query:
 *  1. folds the query (fold.ts) into words (≤ 8);
 *  2. per word, fetches the postings shard holding it (binary search over manifest.shards) and,
 *     for words of ≥ 4 characters, its trigram shards; expands the word to the indexed words it
 *     equals, prefixes (≤ 10, most frequent first) or nearly equals (≤ 6, by trigram overlap +
 *     edit distance ≤ ⌊0.3·length⌋ (≤ 3), or containing it); fetches those words' postings;
 *  3. ANDs the words (each word = union of its expansions, scored by expansion quality × impact ×
 *     idf); a capped ("soft") word ranks but cannot filter, so membership of a doc in it is
 *     estimated (see `estimate` below) and the response is flagged approximate; if no doc has
 *     every word, falls back to docs with any word (relaxed);
 *  4. applies the facet filters and counts facets from the postings entries' combos, each facet
 *     with the other filters applied;
 *  5. fetches the doc chunks of the best `limit + 10` candidates and lets fuse.js (over just those
 *     docs, token search, weighted keys, folded values) rank them and produce match ranges, which
 *     are mapped back onto the original strings.
 * An empty query with filters lists the docs of the smallest filter's list in listing order
 * (newest procedure first); an empty query without filters lists everything.
 */
import Fuse from 'fuse.js';
import type { FuseResult, IFuseOptions } from 'fuse.js';
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
import { decodeVarints, fnv1a } from './codec.ts';
import {
  FORMAT,
  FORMAT_VERSION,
  MANIFEST_PATH,
  FACET_KEY,
  IMPACT_RANGE,
  MAX_IMPACT,
  FUSE_KEYS,
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
const FILTERS: FacetName[] = ['year', 'procedure', 'theme', 'addressee', 'kind'];

interface Rec {
  key: string;
  n: number;
  enc: string;
  summary?: ListSummary;
  docs?: Int32Array;
  pay?: Int32Array;
}
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
  /** doc → best contribution */
  scores: Map<number, number>;
  complete: boolean;
  /** estimated size of the full union */
  est: number;
  /** probability that a doc NOT seen in `scores` still has the word */
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
    if (arr[mid] < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
function lowerBound(arr: string[], x: string): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] < x) lo = mid + 1;
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
    if (shards[mid] <= key) lo = mid + 1;
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
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[lb];
}

/** Edits a query word may be away from an indexed word (≈ fuse.js threshold 0.3). */
export function maxEdits(len: number): number {
  if (len < 4) return 0;
  return Math.min(3, Math.max(1, Math.floor(len * 0.3)));
}

export function createSearchClient(options: SearchClientOptions): SearchClient {
  const { fetchJson } = options;
  const rerankExtra = options.rerankExtra ?? 10;
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
        for (let i = 0; i < counts.length; i++) procStart[i + 1] = procStart[i] + counts[i];
        const procYear = new Int32Array(counts.length);
        let pi = 0;
        for (const [year, procs] of m.years) for (let j = 0; j < procs; j++) procYear[pi++] = year;
        const cv = decodeVarints(m.combos);
        const combos: Combo[] = [];
        for (let i = 0; i < cv.length; ) {
          const kind = cv[i++];
          const nt = cv[i++];
          const themes = cv.slice(i, i + nt);
          i += nt;
          const na = cv[i++];
          const addrs = cv.slice(i, i + na);
          i += na;
          combos.push({ kind, themes, addrs });
        }
        return {
          m,
          procStart,
          procYear,
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
          recs.set(r[0], { key: r[0], n: r[1], enc: r[2], summary: r[3] });
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

  function decode(rec: Rec): { docs: Int32Array; pay: Int32Array } {
    if (!rec.docs) {
      const v = decodeVarints(rec.enc);
      const n = v.length >> 1;
      const docs = new Int32Array(n);
      const pay = new Int32Array(n);
      let prev = -1;
      for (let i = 0; i < n; i++) {
        prev += v[2 * i] + 1;
        docs[i] = prev;
        pay[i] = v[2 * i + 1];
      }
      rec.docs = docs;
      rec.pay = pay;
    }
    return { docs: rec.docs, pay: rec.pay! };
  }

  function procOf(M: Model, doc: number): number {
    const s = M.procStart;
    let lo = 0;
    let hi = s.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (s[mid] <= doc) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  async function procRef(M: Model, pi: number): Promise<string> {
    const shard = (await load(procShardPath(Math.floor(pi / M.m.procShardSize)))) as ProcShard;
    return shard[pi % M.m.procShardSize];
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
          const [, procedure, slug, year, title] = chunk.p[pl];
          const doc: SearchDoc = {
            id,
            text,
            procedure: ov?.procedure ?? procedure,
            slug: ov?.slug ?? slug,
            year: ov?.year ?? year,
            title: ov?.title ?? title,
            documentKind: (ov?.documentKind ?? M.m.kinds[kind]) as DocumentKind,
            themes: ti.map((i) => M.m.themes[i][0]),
            themeLabels: ov?.themeLabels ?? ti.map((i) => M.m.themes[i][1]),
            addressees: ai.map((i) => M.m.addressees[i][0]),
            addresseeLabels: ov?.addresseeLabels ?? ai.map((i) => M.m.addressees[i][1]),
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
      f.procedure = rec && rec.n > 0 ? procOf(M, decode(rec).docs[0]) : -1;
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
    const c = M.combos[combo];
    if (f.theme !== undefined && !c.themes.includes(f.theme)) mask |= 4;
    if (f.addressee !== undefined && !c.addrs.includes(f.addressee)) mask |= 8;
    if (f.kind !== undefined && c.kind !== f.kind) mask |= 16;
    return mask;
  }

  // ── facet counting ──
  class Counter {
    year = new Map<number, number>();
    procedure = new Map<number, number>();
    theme = new Map<number, number>();
    addressee = new Map<number, number>();
    kind = new Map<number, number>();
    /** Adds a doc with weight w; `only` = the single facet it counts for (it fails only that filter), or -1 for all. */
    add(M: Model, doc: number, combo: number, w: number, only: number) {
      const inc = (m: Map<number, number>, k: number) => m.set(k, (m.get(k) ?? 0) + w);
      const c = M.combos[combo];
      if (only < 0 || only === 0 || only === 1) {
        const pi = procOf(M, doc);
        if (only < 0 || only === 0) inc(this.year, M.procYear[pi]);
        if (only < 0 || only === 1) inc(this.procedure, pi);
      }
      if (only < 0 || only === 2) for (const t of c.themes) inc(this.theme, t);
      if (only < 0 || only === 3) for (const a of c.addrs) inc(this.addressee, a);
      if (only < 0 || only === 4) inc(this.kind, c.kind);
    }
    addSummary(s: ListSummary, facets: number[], scale = 1) {
      const put = (m: Map<number, number>, flat: number[]) => {
        for (let i = 0; i < flat.length; i += 2) m.set(flat[i], (m.get(flat[i]) ?? 0) + flat[i + 1] * scale);
      };
      if (facets.includes(0)) put(this.year, s.y);
      if (facets.includes(1)) put(this.procedure, s.p);
      if (facets.includes(2)) put(this.theme, s.t);
      if (facets.includes(3)) put(this.addressee, s.a);
      if (facets.includes(4)) put(this.kind, s.k);
    }
    scaleFacet(i: number, k: number) {
      const m = [this.year, this.procedure, this.theme, this.addressee, this.kind][i];
      for (const [key, v] of m) m.set(key, v * k);
    }
    setFacet(i: number, source: Counter) {
      const names = ['year', 'procedure', 'theme', 'addressee', 'kind'] as const;
      this[names[i]] = source[names[i]];
    }
  }

  function globalCounter(M: Model): Counter {
    const c = new Counter();
    M.m.years.forEach(([year, , docs]) => c.year.set(year, (c.year.get(year) ?? 0) + docs));
    for (let pi = 0; pi < M.procYear.length; pi++) c.procedure.set(pi, M.procStart[pi + 1] - M.procStart[pi]);
    M.m.themes.forEach(([, , n], i) => n && c.theme.set(i, n));
    M.m.addressees.forEach(([, , n], i) => n && c.addressee.set(i, n));
    M.m.kindCounts.forEach((n, i) => n && c.kind.set(i, n));
    return c;
  }

  async function facetsOut(M: Model, c: Counter, f: Filters): Promise<Record<FacetName, FacetValue[]>> {
    const round = (m: Map<number, number>, selected?: number): [number, number][] => {
      const e: [number, number][] = [];
      for (const [k, v] of m) {
        const r = Math.round(v);
        if (r > 0 || k === selected) e.push([k, r]);
      }
      if (selected !== undefined && selected >= 0 && !m.has(selected)) e.push([selected, 0]);
      return e;
    };
    const year = round(c.year, f.year)
      .sort((a, b) => b[0] - a[0])
      .map(([y, n]) => ({ value: String(y), count: n, label: String(y) }));
    let procs = round(c.procedure, f.procedure).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    if (procs.length > procFacetSize) {
      const sel = procs.find(([p]) => p === f.procedure);
      procs = procs.slice(0, procFacetSize);
      if (sel && !procs.includes(sel)) procs.push(sel);
    }
    const procedure = await Promise.all(
      procs.map(async ([p, n]) => {
        const ref = await procRef(M, p);
        return { value: ref, count: n, label: ref };
      }),
    );
    const labelled = (m: Map<number, number>, table: [string, string, number][], selected?: number) =>
      round(m, selected)
        .sort((a, b) => b[1] - a[1] || cmp(table[a[0]][1], table[b[0]][1]))
        .map(([i, n]) => ({ value: table[i][0], count: n, label: table[i][1] }));
    const kind = round(c.kind, f.kind)
      .sort((a, b) => a[0] - b[0])
      .map(([i, n]) => ({ value: M.m.kinds[i], count: n, label: M.m.kinds[i] }));
    return {
      year,
      procedure,
      theme: labelled(c.theme, M.m.themes, f.theme),
      addressee: labelled(c.addressee, M.m.addressees, f.addressee),
      kind,
    };
  }

  // ── words ──
  async function resolveWord(M: Model, word: string): Promise<WordSet> {
    const N = M.m.docCount;
    const exactShard = shardOf(M.m.shards, word);
    const useTri = word.length >= 4 && isFuzzyToken(word) && M.m.trigramShards > 0;
    const grams = useTri ? trigrams(word) : [];
    const triP = Promise.all([...new Set(grams.map((g) => fnv1a(g) % M.m.trigramShards))].map((i) => load(trigramShardPath(i)) as Promise<TrigramShard>)).then(
      (shards) => {
        const lists: (string | 0 | undefined)[] = grams.map((g) => {
          for (const s of shards) if (Object.prototype.hasOwnProperty.call(s, g)) return s[g];
          return undefined;
        });
        return lists;
      },
    );
    const expansions: Expansion[] = [];
    const taken = new Set<string>();
    // exact + prefixes
    const digits = /^\p{N}+$/u.test(word);
    const prefixOk = word.length >= 3 && !digits;
    const prefixes: Rec[] = [];
    for (let si = exactShard, hops = 0; si < M.m.shards.length && hops < 3; si++, hops++) {
      if (hops > 0 && !(prefixOk && M.m.shards[si].startsWith(word))) break;
      const shard = await postingsShard(si);
      let i = lowerBound(shard.keys, word);
      for (; i < shard.keys.length; i++) {
        const k = shard.keys[i];
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
    if (useTri) {
      const lists = await triP;
      const shared = new Map<string, number>();
      for (const l of lists) {
        if (!l) continue;
        for (const t of l.split(' ')) shared.set(t, (shared.get(t) ?? 0) + 1);
      }
      const minShared = Math.max(1, Math.ceil(grams.length * 0.34));
      const maxE = maxEdits(word.length);
      const cands: [string, number, number][] = [];
      for (const [t, s] of shared) {
        if (s < minShared || taken.has(t)) continue;
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
    const scores = new Map<number, number>();
    let complete = true;
    let unseen = 0;
    let maxN = 0;
    for (const e of expansions) {
      const { docs, pay } = decode(e.rec);
      if (e.rec.n > docs.length) {
        complete = false;
        unseen += e.rec.n - docs.length;
      }
      maxN = Math.max(maxN, e.rec.n);
      for (let i = 0; i < docs.length; i++) {
        const s = (e.weight * (pay[i] % IMPACT_RANGE)) / MAX_IMPACT;
        const prev = scores.get(docs[i]);
        if (prev === undefined || s > prev) scores.set(docs[i], s);
        combos.set(docs[i], Math.floor(pay[i] / IMPACT_RANGE));
      }
    }
    const est = Math.min(N, scores.size + unseen);
    const pUnseen = complete ? 0 : Math.min(1, unseen / Math.max(1, N - scores.size));
    const idf = Math.log(1 + N / Math.max(1, Math.max(maxN, est)));
    return { word, expansions, scores, complete, est, pUnseen, idf };
  }

  // doc → combo, filled while decoding lists (a doc's combo is the same in every list)
  const combos = new Map<number, number>();

  async function search(query: SearchQuery): Promise<SearchResponse> {
    const M = await model();
    const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(Number(query.limit ?? DEFAULT_LIMIT)) || DEFAULT_LIMIT));
    const f = await resolveFilters(M, query);
    const words = queryWords(String(query.q ?? ''));
    if (words.length === 0) return browse(M, f, limit);

    const sets = await Promise.all(words.map((w) => resolveWord(M, w)));
    const N = M.m.docCount;
    let relaxed = false;
    let approximate = false;
    // candidates: doc → [weight (probability it matches every word), score]
    let cand = new Map<number, [number, number]>();
    let scale = 1;
    const anyEmpty = sets.some((s) => s.scores.size === 0 && s.complete);
    if (!anyEmpty) {
      const hard = sets.filter((s) => s.complete).sort((a, b) => a.scores.size - b.scores.size);
      const soft = sets.filter((s) => !s.complete).sort((a, b) => a.est - b.est);
      const base = hard[0] ?? soft[0];
      const others = sets.filter((s) => s !== base);
      if (!base.complete) scale = base.est / Math.max(1, base.scores.size);
      for (const [doc, s0] of base.scores) {
        let w = 1;
        let score = base.idf * s0;
        for (const o of others) {
          const s = o.scores.get(doc);
          if (s === undefined) {
            w *= o.pUnseen;
            if (w === 0) break;
          } else score += o.idf * s;
        }
        if (w > 0) cand.set(doc, [w, score]);
      }
      approximate = sets.some((s) => !s.complete);
    }
    if (cand.size === 0 && sets.length > 1) {
      relaxed = true;
      scale = 1;
      cand = new Map();
      for (const s of sets) {
        approximate ||= !s.complete;
        for (const [doc, sc] of s.scores) {
          const prev = cand.get(doc);
          // score: words matched first, then quality
          cand.set(doc, [1, (prev ? prev[1] : 0) + 1000 + s.idf * sc]);
        }
      }
    }

    // filters + facets
    const counter = new Counter();
    const matched: [number, number, number][] = []; // doc, weight, score
    for (const [doc, [w, score]] of cand) {
      const combo = combos.get(doc)!;
      const mask = failMask(M, f, doc, combo);
      if (mask === 0) {
        matched.push([doc, w, score]);
        counter.add(M, doc, combo, w * scale, -1);
      } else if ((mask & (mask - 1)) === 0) counter.add(M, doc, combo, w * scale, 31 - Math.clz32(mask));
    }
    let total = 0;
    for (const [, w] of matched) total += w;
    total = Math.round(total * scale);
    // one word, no filter: capped expansions count from their summaries (exact over their full
    // lists); docs of complete expansions outside those lists count one each
    if (!relaxed && sets.length === 1 && !sets[0].complete && f.active.length === 0) {
      const exact = new Counter();
      const capped = sets[0].expansions.filter((e) => e.rec.summary);
      let n = 0;
      for (const e of capped) {
        exact.addSummary(e.rec.summary!, [0, 1, 2, 3, 4]);
        n += e.rec.n;
      }
      const inCapped = (doc: number) => capped.some((e) => binarySearch(e.rec.docs!, doc));
      for (const [doc] of cand) {
        if (inCapped(doc)) continue;
        exact.add(M, doc, combos.get(doc)!, 1, -1);
        n++;
      }
      for (let i = 0; i < 5; i++) counter.setFacet(i, exact);
      total = Math.min(N, n);
    }
    if (!approximate) total = matched.length;

    // rank by index score; certain docs first
    matched.sort((a, b) => (b[1] >= 1 ? 1 : 0) - (a[1] >= 1 ? 1 : 0) || b[2] - a[2] || a[0] - b[0]);
    const window = matched.slice(0, limit + rerankExtra);
    const docs = await getDocs(
      M,
      window.map(([d]) => d),
    );
    const fuseOpts: IFuseOptions<SearchDoc> = {
      keys: FUSE_KEYS,
      includeMatches: true,
      includeScore: true,
      ignoreLocation: true,
      threshold: 0.3,
      minMatchCharLength: 2,
      useTokenSearch: true,
      tokenMatch: relaxed ? 'any' : 'all',
      tokenize: (s: string) => tokenize(s),
    };
    const fuse = new Fuse(docs, fuseOpts);
    const fq = words.join(' ');
    const fuseResults = fuse.search(fq);
    const seen = new Set<number>();
    const rows: SearchResultRow[] = [];
    for (const r of fuseResults) {
      seen.add(r.refIndex);
      rows.push({ doc: r.item, score: r.score ?? 0, highlights: highlightsOf(r) });
    }
    // docs the index matched for sure but fuse.js did not: after, with index-term highlights
    window.forEach(([, w], i) => {
      if (seen.has(i) || w < 1) return;
      rows.push({ doc: docs[i], score: 1, highlights: termHighlights(docs[i], sets) });
    });
    if (!approximate) total = Math.max(total, rows.length);
    return { results: rows.slice(0, limit), total, facets: await facetsOut(M, counter, f), approximate, relaxed };
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
          return f.procedure! >= 0 ? M.procStart[f.procedure! + 1] - M.procStart[f.procedure!] : 0;
        case 'theme':
          return f.theme! >= 0 ? M.m.themes[f.theme!][2] : 0;
        case 'addressee':
          return f.addressee! >= 0 ? M.m.addressees[f.addressee!][2] : 0;
        case 'kind':
          return f.kind! >= 0 ? M.m.kindCounts[f.kind!] : 0;
      }
    };
    const keyOf = (name: FacetName): string => {
      switch (name) {
        case 'year':
          return FACET_KEY.year(f.year!);
        case 'procedure':
          return f.procRec?.key ?? '';
        case 'theme':
          return FACET_KEY.theme(M.m.themes[f.theme!][0]);
        case 'addressee':
          return FACET_KEY.addressee(M.m.addressees[f.addressee!][0]);
        case 'kind':
          return FACET_KEY.kind(M.m.kinds[f.kind!]);
      }
    };
    const order = [...f.active].sort((a, b) => sizeOf(a) - sizeOf(b) || FILTERS.indexOf(a) - FILTERS.indexOf(b));
    if (sizeOf(order[0]) === 0) {
      return { results: [], total: 0, facets: await facetsOut(M, new Counter(), f), approximate: false, relaxed: false };
    }
    const listDocs = async (name: FacetName): Promise<{ docs: Int32Array; pay: Int32Array; rec?: Rec }> => {
      const rec = name === 'procedure' ? f.procRec : await getRec(M, keyOf(name));
      if (!rec) return { docs: new Int32Array(0), pay: new Int32Array(0) };
      return { ...decode(rec), rec };
    };
    const baseName = order[0];
    const base = await listDocs(baseName);
    const baseBit = FILTERS.indexOf(baseName);
    const counter = new Counter();
    const matched: number[] = [];
    const scale = base.rec && base.rec.n > base.docs.length ? base.rec.n / base.docs.length : 1;
    for (let i = 0; i < base.docs.length; i++) {
      const doc = base.docs[i];
      const combo = Math.floor(base.pay[i] / IMPACT_RANGE);
      combos.set(doc, combo);
      const mask = failMask(M, f, doc, combo);
      if (mask === 0) {
        matched.push(doc);
        counter.add(M, doc, combo, scale, -1);
      } else if ((mask & (mask - 1)) === 0) counter.add(M, doc, combo, scale, 31 - Math.clz32(mask));
    }
    let total = Math.round(matched.length * scale);
    const approximate = scale !== 1 && f.active.length > 1;
    if (f.active.length === 1 && base.rec?.summary) {
      const exact = new Counter();
      exact.addSummary(base.rec.summary, [0, 1, 2, 3, 4]);
      for (let i = 0; i < 5; i++) if (i !== baseBit) counter.setFacet(i, exact);
      total = base.rec.n;
    }
    // the base facet's own counts: docs passing every OTHER filter
    if (f.active.length === 1) counter.setFacet(baseBit, globalCounter(M));
    else {
      const second = await listDocs(order[1]);
      const own = new Counter();
      const s2 = second.rec && second.rec.n > second.docs.length ? second.rec.n / second.docs.length : 1;
      for (let i = 0; i < second.docs.length; i++) {
        const doc = second.docs[i];
        const combo = Math.floor(second.pay[i] / IMPACT_RANGE);
        const mask = failMask(M, f, doc, combo) & ~(1 << baseBit);
        if (mask === 0) own.add(M, doc, combo, s2, baseBit);
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

const ARRAY_KEYS = new Set(['people', 'provisions', 'themeLabels', 'addresseeLabels']);

/** Highlights from fuse.js matches (offsets on folded values) mapped onto the original strings. */
function highlightsOf(r: FuseResult<SearchDoc>): Highlight[] {
  const out: Highlight[] = [];
  for (const m of r.matches ?? []) {
    const key = m.key as keyof SearchDoc;
    if (!key || !m.indices?.length) continue;
    const isArray = ARRAY_KEYS.has(key);
    const original = isArray ? (r.item[key] as string[])[m.refIndex ?? 0] : (r.item[key] as string);
    if (typeof original !== 'string') continue;
    const ranges = mapRangesToOriginal(
      foldWithMap(original),
      m.indices.filter(([a, b]) => b - a >= 1),
    );
    if (!ranges.length) continue;
    out.push(isArray ? { key, index: m.refIndex ?? 0, ranges } : { key, ranges });
  }
  return out;
}

/** Highlights of whole index terms (the words' expansions) in the text, for docs fuse.js did not match. */
function termHighlights(doc: SearchDoc, sets: WordSet[]): Highlight[] {
  const terms = new Set<string>();
  for (const s of sets) for (const e of s.expansions) terms.add(e.term);
  const map = foldWithMap(doc.text);
  const ranges: [number, number][] = [];
  const re = /[\p{L}\p{N}]+/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(map.folded))) if (terms.has(m[0])) ranges.push([m.index, m.index + m[0].length - 1]);
  const mapped = mapRangesToOriginal(map, ranges);
  return mapped.length ? [{ key: 'text', ranges: mapped }] : [];
}

export { fold };
