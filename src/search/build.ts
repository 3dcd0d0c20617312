/**
 * Build-time search index: buildSearchIndex(docs) → Map<relative path, file content>.
 *
 * The docs are every citable item (docs.ts): demands, items of the texts (paragraphs, recitals,
 * citations, footnotes, summary items), timeline events, people and themes. Pure and deterministic
 * (no Date, no randomness; the same docs in the same order give byte-identical files; the Map's
 * keys are sorted). The Astro endpoint writes every entry under /search/ in dist (e.g.
 * dist/search/manifest.json, dist/search/post/12.json) and the search page fetches them relative
 * to its own address. Every file is JSON. A query reads the manifest plus a bounded number of small
 * files, whatever the number of items (scripts/tools/bench-search.ts measures it at 2,000 procedures,
 * ≈ 110,000 items).
 *
 * ── Document numbers ────────────────────────────────────────────────────────────────────────────
 * Demands first, then every other item; within each, by procedure, newest year first, then by
 * slug (descending), and items of no procedure (people, themes) last; input order inside a
 * procedure. A doc's number is its position in that order, so "listing order" (empty query) is
 * doc-number order, demands lead every listing, and the runs of one procedure's docs are few (two
 * per procedure: its demands, its other items): the manifest's `runs` map doc numbers to procedures.
 *
 * ── Files ───────────────────────────────────────────────────────────────────────────────────────
 * manifest.json   (fetched first; a few KB gzip at 2,000 procedures) — `Manifest` in layout.ts:
 *     docCount, procCount, shard parameters; theme and addressee tables [id, label, docCount];
 *     kinds of item (`whats`) and document kinds, with their counts; `years` (runs over
 *     procedures: [year, #procedures, #docs]); `runs` (varints: procedure + 1 or 0, #docs — so doc
 *     number → procedure → year); `combos` (the distinct (what, document kind, theme set,
 *     addressee set) tuples — every postings entry carries its doc's combo number, so the client
 *     counts all six facets of a result set from the postings alone, without fetching documents);
 *     `shards` (first key of each postings shard); `build` (a content hash of all files, for cache
 *     busting).
 * post/<i>.json   postings shards: { "k": [[key, n, entries] | [key, n, entries, summary], …] }.
 *     Keys are sorted (JS string order) and cut into shards of ~shardTargetBytes, so a word and
 *     the longer words it prefixes sit in one shard (or spill into the next); the client finds a
 *     key's shard by binary search over manifest.shards. Keys are:
 *       - folded words (fold.ts) of the searched fields: heading (event title, person's name,
 *         theme label), text, people (+ every printed spelling), provisions (+ aliases), procedure
 *         reference, title, theme labels, addressee labels;
 *       - facet lists "~y:<year>", "~p:<folded reference>", "~t:<theme id>", "~a:<addressee id>",
 *         "~k:<document kind>", "~w:<what>" (used when the query is empty);
 *       - "~v:<skeleton>": not a list but the names of the texts (words printed capitalized
 *         mid-sentence, and every word of people's names) that share a spelling skeleton
 *         (fold.ts spellingSkeleton: zh/z, kh/k, y/i, q/k, doubled letters…), as
 *         [key, 0, "name name …"], when there are several or the skeleton differs from the name:
 *         another transliteration of a name matches it, and so does a name typed in Cyrillic.
 *     `n` = number of docs in the FULL list. `entries` = varints (codec.ts) of pairs
 *     (doc-number gap − 1, payload) sorted by doc number, payload = (combo·16 + impact)·2 + top.
 *     Impact (1…15; 0 for facet lists) is a static per-(word, doc) relevance: the field the word
 *     is in (heading, people, provisions highest, then procedure reference, text, theme labels,
 *     title, addressee labels), repetitions in the text, a short text, several fields.
 * tri/<h>.json    trigram shards, h = fnv1a(trigram) mod manifest.trigramShards:
 *     { "<trigram>": "word word …" | 0 }. Trigrams point to WORDS of the index (its vocabulary:
 *     every word of ≥ 3 characters with a letter), not to documents. A query word the index holds
 *     in no spelling ("kozlow", or "Қазақстан" when no name groups it) fetches its trigrams'
 *     shards and takes the words sharing them: the Latin spellings of other letters (exact
 *     matches), else words within ⌊0.3·length⌋ edits (≤ 3; like fuse.js threshold 0.3) or
 *     containing the word (similar words: suggestions only, see client/words.ts). The vocabulary grows far slower than
 *     the corpus, so these files stay small; a trigram shared by more than `trigramCap` words is
 *     stored as 0 (skipped; the word's other trigrams still work).
 * docs/<c>.json   doc chunks of `chunkSize` consecutive docs: { "p": [[procIndex, reference, slug,
 *     year, title], …], "d": [[id, what, text, p-index or −1, kind + 1 or 0, themeIdx[],
 *     addresseeIdx[], people, provisions, url or 0 (= layout.ts defaultUrl, from paths.ts),
 *     extra?], …] } — exactly the SearchDoc back (extra holds heading, lead-in, place, date, and
 *     any field that differs from its procedure's or the manifest's tables).
 * procs/<s>.json  the references of procedures [s·procShardSize, …): labels of the procedure
 *     facet (only the shards of the top procedures shown are fetched).
 *
 * ── Common words: capped lists (bounding bytes and CPU per query) ─────────────────────────────────
 * A list longer than `cap` (default 2,500 entries) stores at most `cap` entries:
 *   - cap/2 "top" entries (payload bit top = 1): the highest-impact docs of a word, or the first
 *     docs in listing order of a facet list — what a query shows first;
 *   - a coordinated sample: every doc of the full list whose docHash (codec.ts, a fixed hash of
 *     the doc number) is below the list's threshold `h`, chosen so that the sample holds cap/2
 *     docs. Because all lists use the same hash, below the SMALLEST threshold of a query's words
 *     the stored lists are complete for every word at once: the client counts matches and facets
 *     exactly there and scales up by 2^32 / h (an unbiased estimate);
 *   - a summary: the facet counts over the FULL list (years, document kinds, whats, themes,
 *     addressees, top procedures) and h. A query of one capped word (or one facet filter) is
 *     therefore exact.
 * The client treats a capped word as "soft" (it ranks and is estimated, see client/candidates.ts)
 * and says `approximate: true`. So a shard never holds more than `cap` entries per key, and a
 * query reads at most: the manifest, per word (≤ 8) ≤ 3 postings shards, the shard of its
 * spelling skeleton and those of ≤ 6 other spellings or similar words (trigram shards only for a
 * word the index holds in no spelling), the doc chunks of the re-ranked window and of the page
 * shown, and a few procedure shards. With the default cap every list of a corpus
 * of up to 2,500 items is exact; at 110,000 synthetic items common words ("calls", "authorities",
 * "torture", "rights", …) and the larger facet lists are capped. Paging a capped facet list past
 * its first cap/2 entries reaches its sample, not every item: narrow such a listing by a second
 * filter or a word.
 *
 * What does grow with the corpus: the manifest, by about 1 byte gzip per procedure (runs) and
 * with the number of distinct (what, kind, themes, addressees) combinations; the vocabulary
 * (trigram shards), slowly. Not with the number of items.
 */
import { WHATS } from './types.ts';
import type { SearchDoc } from './types.ts';
import { fold, tokenize, isIndexableToken, isFuzzyToken, spellingSkeleton, trigrams } from './fold.ts';
import { encodeVarint, encodeVarints, fnv1a, docHash } from './codec.ts';
import {
  FORMAT,
  FORMAT_VERSION,
  MANIFEST_PATH,
  FACET_KEY,
  IMPACT_RANGE,
  MAX_IMPACT,
  defaultUrl,
  postingsShardPath,
  trigramShardPath,
  docChunkPath,
  procShardPath,
} from './layout.ts';
import type { Manifest, ListSummary, PostingsRecord, TrigramShard, ChunkProc, ChunkDoc, DocExtra, DocChunk } from './layout.ts';

export interface BuildOptions {
  /** Entries kept per list (see "Common words"). */
  cap: number;
  /** Target raw size of a postings shard, in characters. */
  shardTargetBytes: number;
  /** Target raw size of a trigram shard, in characters. */
  trigramShardTargetBytes: number;
  /** Words per trigram beyond which the trigram is dropped (0). */
  trigramCap: number;
  /** Docs per doc chunk. */
  chunkSize: number;
  /** Procedures per procedure shard. */
  procShardSize: number;
  /** Procedures kept in a capped list's summary. */
  summaryProcedures: number;
}

export const DEFAULT_BUILD_OPTIONS: BuildOptions = {
  cap: 2500,
  shardTargetBytes: 12000,
  trigramShardTargetBytes: 6000,
  trigramCap: 600,
  chunkSize: 8,
  procShardSize: 512,
  summaryProcedures: 30,
};

const KIND_ORDER = ['summary', 'resolution', 'motion'];

/** Field weights for the static impact (relative; 1 → impact 15). The text's is computed below. */
const FIELD_IMPACT = {
  heading: 1,
  people: 1,
  provisions: 1,
  procedure: 0.75,
  themeLabels: 0.6,
  title: 0.5,
  addresseeLabels: 0.5,
} as const;

interface ProcInfo {
  procedure: string;
  slug: string;
  year: number;
  title: string;
  /** Number of docs of the procedure (every kind). */
  docCount: number;
}

interface List {
  docs: number[];
  pay: number[]; // combo * 16 + impact
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Throws, naming the doc and the field, when a doc does not match SearchDoc. */
function validate(d: SearchDoc, i: number): void {
  const isStr = (v: unknown) => typeof v === 'string';
  const isStrArr = (v: unknown) => Array.isArray(v) && v.every(isStr);
  const optStr = (v: unknown) => v === undefined || isStr(v);
  const bad = (field: string) => {
    throw new Error(`buildSearchIndex: doc #${i} (${(d && typeof d.id === 'string' && d.id) || '?'}) does not match SearchDoc: ${field}`);
  };
  if (!d || typeof d !== 'object') bad('not an object');
  if (!isStr(d.id) || !d.id) bad('id');
  if (!(WHATS as readonly string[]).includes(d.what)) bad('what');
  if (!isStr(d.text)) bad('text');
  for (const k of ['heading', 'leadIn', 'title', 'place', 'date', 'slug', 'procedure', 'documentKind'] as const) if (!optStr(d[k])) bad(k);
  if (d.year !== undefined && !Number.isInteger(d.year)) bad('year');
  if (d.procedure !== undefined && (d.slug === undefined || d.year === undefined || d.title === undefined)) bad('procedure without slug, year and title');
  if (d.procedure === undefined && (d.slug !== undefined || d.year !== undefined)) bad('slug or year without procedure');
  for (const k of ['themes', 'themeLabels', 'addressees', 'addresseeLabels', 'people', 'provisions'] as const) if (!isStrArr(d[k])) bad(k);
  if (!isStr(d.url)) bad('url');
}

/** Words as typed (a mark stays with its letter). */
const TYPED_WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Demands first (see "Document numbers"). */
const tierOf = (d: SearchDoc) => (d.what === 'demand' ? 0 : 1);

/** Orders docs as the index numbers them (see "Document numbers"). */
export function orderDocs(docs: SearchDoc[]): { procs: ProcInfo[]; ordered: SearchDoc[]; procOfDoc: Int32Array } {
  const byProc = new Map<string, ProcInfo>();
  docs.forEach((d, i) => {
    validate(d, i);
    if (d.procedure === undefined) return;
    let p = byProc.get(d.procedure);
    if (!p) byProc.set(d.procedure, (p = { procedure: d.procedure, slug: d.slug!, year: d.year!, title: d.title!, docCount: 0 }));
    p.docCount++;
  });
  const procs = [...byProc.values()].sort((a, b) => b.year - a.year || cmp(b.slug, a.slug) || cmp(b.procedure, a.procedure));
  const rank = new Map(procs.map((p, i) => [p.procedure, i]));
  const rankOf = (d: SearchDoc) => (d.procedure === undefined ? procs.length : rank.get(d.procedure)!);
  const order = docs.map((_, i) => i).sort((a, b) => tierOf(docs[a]!) - tierOf(docs[b]!) || rankOf(docs[a]!) - rankOf(docs[b]!) || a - b);
  const ordered = order.map((i) => docs[i]!);
  const procOfDoc = Int32Array.from(ordered, (d) => (d.procedure === undefined ? -1 : rank.get(d.procedure)!));
  return { procs, ordered, procOfDoc };
}

/** Builds every file of the search index. Keys are relative paths, sorted. */
export function buildSearchIndex(docs: SearchDoc[], options: Partial<BuildOptions> = {}): Map<string, string> {
  const opt: BuildOptions = { ...DEFAULT_BUILD_OPTIONS, ...options };
  const seenIds = new Set<string>();
  for (const d of docs) {
    if (d && seenIds.has(d.id)) throw new Error(`buildSearchIndex: duplicate id ${d.id}`);
    if (d) seenIds.add(d.id);
  }
  const { procs, ordered, procOfDoc } = orderDocs(docs);
  const N = ordered.length;

  // ── tables: what, kinds, themes, addressees ──
  const whats = WHATS.filter((w) => ordered.some((d) => d.what === w));
  const whatIdx = new Map<string, number>(whats.map((w, i) => [w, i]));
  const kindSet = new Set(ordered.flatMap((d) => (d.documentKind === undefined ? [] : [d.documentKind as string])));
  const kinds = [...KIND_ORDER.filter((k) => kindSet.has(k)), ...[...kindSet].filter((k) => !KIND_ORDER.includes(k)).sort(cmp)];
  const kindIdx = new Map(kinds.map((k, i) => [k, i]));
  const themeLabel = new Map<string, string>();
  const addrLabel = new Map<string, string>();
  for (const d of ordered) {
    d.themes.forEach((t, i) => {
      if (!themeLabel.has(t)) themeLabel.set(t, d.themeLabels[i] ?? t);
    });
    d.addressees.forEach((a, i) => {
      if (!addrLabel.has(a)) addrLabel.set(a, d.addresseeLabels[i] ?? a);
    });
  }
  const themeIds = [...themeLabel.keys()].sort(cmp);
  const addrIds = [...addrLabel.keys()].sort(cmp);
  const themeIdx = new Map(themeIds.map((t, i) => [t, i]));
  const addrIdx = new Map(addrIds.map((a, i) => [a, i]));
  const kindPlusOne = (d: SearchDoc) => (d.documentKind === undefined ? 0 : kindIdx.get(d.documentKind)! + 1);

  // ── combos (what, kind, theme set, addressee set), most frequent first ──
  const comboKeyOf = (d: SearchDoc): string => {
    const ts = [...new Set(d.themes.map((t) => themeIdx.get(t)!))].sort((a, b) => a - b);
    const as = [...new Set(d.addressees.map((a) => addrIdx.get(a)!))].sort((a, b) => a - b);
    return `${whatIdx.get(d.what)}|${kindPlusOne(d)}|${ts.join(',')}|${as.join(',')}`;
  };
  const comboCount = new Map<string, number>();
  const docComboKey: string[] = new Array(N);
  ordered.forEach((d, i) => {
    const k = comboKeyOf(d);
    docComboKey[i] = k;
    comboCount.set(k, (comboCount.get(k) ?? 0) + 1);
  });
  const comboKeys = [...comboCount.keys()].sort((a, b) => comboCount.get(b)! - comboCount.get(a)! || cmp(a, b));
  const comboId = new Map(comboKeys.map((k, i) => [k, i]));
  const docCombo = Int32Array.from(docComboKey, (k) => comboId.get(k)!);
  const comboParts = comboKeys.map((k) => {
    const [what, kind, ts, as] = k.split('|');
    return {
      what: Number(what),
      kindPlusOne: Number(kind),
      themes: ts ? ts.split(',').map(Number) : [],
      addrs: as ? as.split(',').map(Number) : [],
    };
  });

  // ── postings ──
  const lists = new Map<string, List>();
  const push = (key: string, doc: number, payload: number) => {
    let l = lists.get(key);
    if (!l) {
      l = { docs: [], pay: [] };
      lists.set(key, l);
    }
    l.docs.push(doc);
    l.pay.push(payload);
  };
  const foldCache = new Map<string, string[]>();
  const wordsOf = (s: string): string[] => {
    let w = foldCache.get(s);
    if (!w) {
      w = tokenize(fold(s)).filter(isIndexableToken);
      if (foldCache.size < 200000) foldCache.set(s, w);
    }
    return w;
  };
  // the names of the texts: words printed capitalized mid-sentence, and every word of names
  const names = new Set<string>();
  const addNames = (value: string, everyWord: boolean) => {
    for (const m of value.matchAll(TYPED_WORD)) {
      if (!everyWord) {
        if (!/^\p{Lu}/u.test(m[0])) continue;
        const before = value.slice(0, m.index).trimEnd();
        if (before === '' || /[.!?:;"“‘(]$/.test(before)) continue; // a sentence's first word
      }
      for (const t of tokenize(fold(m[0]))) if (isFuzzyToken(t)) names.add(t);
    }
  };
  for (let n = 0; n < N; n++) {
    const d = ordered[n]!;
    addNames(d.text, false);
    if (d.heading) addNames(d.heading, d.what === 'person');
    for (const p of d.people) addNames(p, true);
    const raw = new Map<string, number>();
    const fieldsHit = new Map<string, number>();
    const bump = (word: string, v: number) => {
      const prev = raw.get(word);
      if (prev === undefined || v > prev) raw.set(word, v);
      fieldsHit.set(word, (fieldsHit.get(word) ?? 0) + 1);
    };
    // text: 0.6 + repetitions + short-text bonus
    const textWords = tokenize(fold(d.text)).filter(isIndexableToken);
    const tf = new Map<string, number>();
    for (const w of textWords) tf.set(w, (tf.get(w) ?? 0) + 1);
    const lenBonus = textWords.length <= 25 ? 0.1 : textWords.length <= 50 ? 0.05 : 0;
    for (const [w, c] of tf) bump(w, 0.6 + 0.1 * Math.min(c - 1, 2) + lenBonus);
    const fieldValues: [keyof typeof FIELD_IMPACT, string[]][] = [
      ['heading', d.heading ? [d.heading] : []],
      ['people', d.people],
      ['provisions', d.provisions],
      ['procedure', d.procedure ? [d.procedure] : []],
      ['title', d.title ? [d.title] : []],
      ['themeLabels', d.themeLabels],
      ['addresseeLabels', d.addresseeLabels],
    ];
    for (const [field, values] of fieldValues) {
      const seen = new Set<string>();
      for (const v of values) for (const w of wordsOf(v)) seen.add(w);
      for (const w of seen) bump(w, FIELD_IMPACT[field]);
    }
    const combo = docCombo[n]!;
    const words = [...raw.keys()].sort(cmp);
    for (const w of words) {
      const r = raw.get(w)! + 0.04 * Math.min((fieldsHit.get(w) ?? 1) - 1, 3);
      const impact = Math.max(1, Math.min(MAX_IMPACT, Math.round(r * MAX_IMPACT)));
      push(w, n, combo * IMPACT_RANGE + impact);
    }
    // facet lists
    const fp = combo * IMPACT_RANGE;
    if (d.year !== undefined) push(FACET_KEY.year(d.year), n, fp);
    if (d.procedure !== undefined) push(FACET_KEY.procedure(d.procedure), n, fp);
    if (d.documentKind !== undefined) push(FACET_KEY.kind(d.documentKind), n, fp);
    push(FACET_KEY.what(d.what), n, fp);
    for (const t of new Set(d.themes)) push(FACET_KEY.theme(t), n, fp);
    for (const a of new Set(d.addressees)) push(FACET_KEY.addressee(a), n, fp);
  }

  const summarize = (l: List): Omit<ListSummary, 'h'> => {
    const y = new Map<number, number>();
    const k = new Map<number, number>();
    const t = new Map<number, number>();
    const a = new Map<number, number>();
    const p = new Map<number, number>();
    const w = new Map<number, number>();
    const inc = (m: Map<number, number>, key: number) => m.set(key, (m.get(key) ?? 0) + 1);
    for (let i = 0; i < l.docs.length; i++) {
      const doc = l.docs[i]!;
      const c = comboParts[Math.floor(l.pay[i]! / IMPACT_RANGE)]!;
      const pi = procOfDoc[doc]!;
      if (pi >= 0) {
        inc(y, procs[pi]!.year);
        inc(p, pi);
      }
      if (c.kindPlusOne > 0) inc(k, c.kindPlusOne - 1);
      inc(w, c.what);
      for (const x of c.themes) inc(t, x);
      for (const x of c.addrs) inc(a, x);
    }
    const flat = (m: Map<number, number>, top = Infinity): number[] => {
      const e = [...m.entries()].sort((u, v) => v[1] - u[1] || u[0] - v[0]).slice(0, top);
      return e.flat();
    };
    return { y: flat(y), k: flat(k), t: flat(t), a: flat(a), p: flat(p, opt.summaryProcedures), w: flat(w) };
  };

  // spellings of one name (see fold.ts spellingSkeleton): "~v:<skeleton>" → the names spelt so
  const spellings = new Map<string, string[]>();
  for (const w of [...names].sort(cmp)) {
    if (!lists.has(w)) continue;
    const key = FACET_KEY.spellings(spellingSkeleton(w));
    const group = spellings.get(key);
    if (group) group.push(w);
    else spellings.set(key, [w]);
  }
  for (const [key, group] of spellings) if (group.length < 2 && key === FACET_KEY.spellings(group[0]!)) spellings.delete(key);

  const keys = [...lists.keys(), ...spellings.keys()].sort(cmp);
  const records: string[] = [];
  const topN = Math.ceil(opt.cap / 2);
  const sampleN = opt.cap - topN;
  for (const key of keys) {
    const group = spellings.get(key);
    if (group) {
      records.push(JSON.stringify([key, 0, group.join(' ')] satisfies PostingsRecord));
      continue;
    }
    const l = lists.get(key)!;
    const n = l.docs.length;
    const top = new Uint8Array(n);
    let keep: number[];
    let threshold = 0;
    if (n <= opt.cap) keep = l.docs.map((_, i) => i);
    else {
      // rank part: highest impact (words) / first in listing order (facet lists)
      const order = l.docs.map((_, i) => i);
      if (!key.startsWith('~')) order.sort((i, j) => (l.pay[j]! % IMPACT_RANGE) - (l.pay[i]! % IMPACT_RANGE) || l.docs[i]! - l.docs[j]!);
      for (const i of order.slice(0, topN)) top[i] = 1;
      // sample part: the sampleN docs of smallest docHash; threshold = the next hash
      const hs = l.docs.map(docHash);
      const byHash = l.docs.map((_, i) => i).sort((i, j) => hs[i]! - hs[j]!);
      threshold = hs[byHash[sampleN]!]!;
      const inSample = new Uint8Array(n);
      for (const i of byHash.slice(0, sampleN)) inSample[i] = 1;
      keep = l.docs.map((_, i) => i).filter((i) => top[i] || inSample[i]);
    }
    const out: string[] = [];
    let prev = -1;
    for (const i of keep) {
      encodeVarint(l.docs[i]! - prev - 1, out);
      encodeVarint(l.pay[i]! * 2 + top[i]!, out);
      prev = l.docs[i]!;
    }
    const rec: PostingsRecord = n > opt.cap ? [key, n, out.join(''), { h: threshold, ...summarize(l) }] : [key, n, out.join('')];
    records.push(JSON.stringify(rec));
  }

  const files = new Map<string, string>();

  // postings shards
  const shardFirstKeys: string[] = [];
  {
    let cur: string[] = [];
    let size = 0;
    const flush = () => {
      if (!cur.length) return;
      files.set(postingsShardPath(shardFirstKeys.length - 1), `{"k":[${cur.join(',')}]}`);
      cur = [];
      size = 0;
    };
    records.forEach((r, i) => {
      if (cur.length === 0) shardFirstKeys.push(keys[i]!);
      cur.push(r);
      size += r.length + 1;
      if (size >= opt.shardTargetBytes) flush();
    });
    flush();
  }

  // trigram shards (vocabulary → words)
  const triLists = new Map<string, string[]>();
  for (const key of keys) {
    if (key.startsWith('~') || !isFuzzyToken(key)) continue;
    for (const g of trigrams(key)) {
      let l = triLists.get(g);
      if (!l) {
        l = [];
        triLists.set(g, l);
      }
      l.push(key);
    }
  }
  const triKeys = [...triLists.keys()].sort(cmp);
  let triTotal = 0;
  for (const g of triKeys) {
    const l = triLists.get(g)!;
    triTotal += l.length > opt.trigramCap ? 8 : l.reduce((s, w) => s + w.length + 1, 8);
  }
  let triShards = 1;
  while (triTotal / triShards > opt.trigramShardTargetBytes && triShards < 65536) triShards *= 2;
  {
    const shards: TrigramShard[] = Array.from({ length: triShards }, () => ({}));
    for (const g of triKeys) {
      const l = triLists.get(g)!;
      shards[fnv1a(g) % triShards]![g] = l.length > opt.trigramCap ? 0 : l.join(' ');
    }
    shards.forEach((s, i) => files.set(trigramShardPath(i), JSON.stringify(s)));
  }

  // doc chunks
  for (let c = 0; c * opt.chunkSize < N; c++) {
    const chunk: DocChunk = { p: [], d: [] };
    const local = new Map<number, number>();
    for (let n = c * opt.chunkSize; n < Math.min(N, (c + 1) * opt.chunkSize); n++) {
      const d = ordered[n]!;
      const pi = procOfDoc[n]!;
      const p = pi >= 0 ? procs[pi]! : undefined;
      if (p && !local.has(pi)) {
        local.set(pi, chunk.p.length);
        const cp: ChunkProc = [pi, p.procedure, p.slug, p.year, p.title];
        chunk.p.push(cp);
      }
      const extra: DocExtra = {};
      if (d.heading !== undefined) extra.heading = d.heading;
      if (d.leadIn !== undefined) extra.leadIn = d.leadIn;
      if (d.place !== undefined) extra.place = d.place;
      if (d.date !== undefined) extra.date = d.date;
      if (p && d.slug !== p.slug) extra.slug = d.slug;
      if (p && d.year !== p.year) extra.year = d.year;
      if (p && d.title !== p.title) extra.title = d.title;
      const tl = d.themes.map((t) => themeLabel.get(t));
      if (tl.length !== d.themeLabels.length || tl.some((l, i) => l !== d.themeLabels[i])) extra.themeLabels = d.themeLabels;
      const al = d.addressees.map((a) => addrLabel.get(a));
      if (al.length !== d.addresseeLabels.length || al.some((l, i) => l !== d.addresseeLabels[i])) extra.addresseeLabels = d.addresseeLabels;
      const row: ChunkDoc = [
        d.id,
        whatIdx.get(d.what)!,
        d.text,
        p ? local.get(pi)! : -1,
        kindPlusOne(d),
        d.themes.map((t) => themeIdx.get(t)!),
        d.addressees.map((a) => addrIdx.get(a)!),
        d.people,
        d.provisions,
        d.url === defaultUrl(d.what, d.id, d.slug) ? 0 : d.url,
      ];
      chunk.d.push(Object.keys(extra).length ? [...row, extra] : row);
    }
    files.set(docChunkPath(c), JSON.stringify(chunk));
  }

  // procedure shards
  for (let s = 0; s * opt.procShardSize < procs.length; s++) {
    const refs = procs.slice(s * opt.procShardSize, (s + 1) * opt.procShardSize).map((p) => p.procedure);
    files.set(procShardPath(s), JSON.stringify(refs));
  }

  // manifest
  const count = (ids: string[], field: 'themes' | 'addressees') => {
    const m = new Map<string, number>();
    for (const d of ordered) for (const x of new Set(d[field])) m.set(x, (m.get(x) ?? 0) + 1);
    return ids.map((id) => m.get(id) ?? 0);
  };
  const themeCounts = count(themeIds, 'themes');
  const addrCounts = count(addrIds, 'addressees');
  const years: [number, number, number][] = [];
  for (const p of procs) {
    const last = years[years.length - 1];
    if (last && last[0] === p.year) {
      last[1]++;
      last[2] += p.docCount;
    } else years.push([p.year, 1, p.docCount]);
  }
  const runs: number[] = [];
  for (let n = 0; n < N; ) {
    let end = n;
    while (end < N && procOfDoc[end] === procOfDoc[n]) end++;
    runs.push(procOfDoc[n]! + 1, end - n);
    n = end;
  }
  const comboVals: number[] = [];
  for (const c of comboParts) comboVals.push(c.what, c.kindPlusOne, c.themes.length, ...c.themes, c.addrs.length, ...c.addrs);
  const manifest: Manifest = {
    format: FORMAT,
    version: FORMAT_VERSION,
    build: '',
    docCount: N,
    procCount: procs.length,
    cap: opt.cap,
    chunkSize: opt.chunkSize,
    procShardSize: opt.procShardSize,
    trigramShards: triShards,
    trigramCap: opt.trigramCap,
    whats,
    whatCounts: whats.map((w) => ordered.filter((d) => d.what === w).length),
    kinds,
    kindCounts: kinds.map((k) => ordered.filter((d) => d.documentKind === k).length),
    themes: themeIds.map((id, i) => [id, themeLabel.get(id)!, themeCounts[i]!]),
    addressees: addrIds.map((id, i) => [id, addrLabel.get(id)!, addrCounts[i]!]),
    years,
    runs: encodeVarints(runs),
    combos: encodeVarints(comboVals),
    shards: shardFirstKeys,
  };
  const sortedPaths = [...files.keys()].sort(cmp);
  let h1 = 0x811c9dc5;
  let h2 = 0;
  for (const p of sortedPaths) {
    h1 = Math.imul(h1 ^ fnv1a(p), 0x01000193) >>> 0;
    h1 = Math.imul(h1 ^ fnv1a(files.get(p)!), 0x01000193) >>> 0;
    h2 = (h2 + files.get(p)!.length) >>> 0;
  }
  manifest.build = h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
  files.set(MANIFEST_PATH, JSON.stringify(manifest));

  const result = new Map<string, string>();
  for (const p of [...files.keys()].sort(cmp)) result.set(p, files.get(p)!);
  return result;
}
