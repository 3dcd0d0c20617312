/**
 * The index's files as the client reads them: each fetched at most once per client (the promise is
 * cached; a failed fetch is forgotten so it can be retried), postings lists decoded on first use,
 * documents rebuilt from their chunks.
 */
import type { SearchDoc, What, DocumentKind } from '../types.ts';
import { decodeVarints } from '../codec.ts';
import {
  FACET_KEY,
  FORMAT,
  FORMAT_VERSION,
  MANIFEST_PATH,
  defaultUrl,
  payCombo,
  payImpact,
  payTop,
  postingsShardPath,
  docChunkPath,
  procShardPath,
  trigramShardPath,
} from '../layout.ts';
import type { Manifest, ListSummary, PostingsShard, TrigramShard, DocChunk, ProcShard } from '../layout.ts';
import { IndexModel } from './index-model.ts';

/** Every doc of a full list whose docHash is below `h` is stored; ALL_HASHES when the list is complete. */
export const ALL_HASHES = 2 ** 32;

/** One postings list (a word's or a facet value's), as stored: possibly capped (see build.ts). */
export interface PostingsList {
  key: string;
  /** Length of the FULL list. */
  n: number;
  encoded: string;
  summary?: ListSummary;
  /** Sample threshold: every doc of the full list with docHash < h is stored. */
  h: number;
  decoded?: DecodedList;
}

export interface DecodedList {
  docs: Int32Array;
  combo: Int32Array;
  impact: Uint8Array;
  top: Uint8Array;
}

export const EMPTY_LIST: DecodedList = { docs: new Int32Array(0), combo: new Int32Array(0), impact: new Uint8Array(0), top: new Uint8Array(0) };

interface ShardView {
  keys: string[];
  lists: Map<string, PostingsList>;
}

/** The entries of a list, decoded once. */
export function decodeList(list: PostingsList): DecodedList {
  if (!list.decoded) {
    const v = decodeVarints(list.encoded);
    const n = v.length >> 1;
    const d: DecodedList = { docs: new Int32Array(n), combo: new Int32Array(n), impact: new Uint8Array(n), top: new Uint8Array(n) };
    let prev = -1;
    for (let i = 0; i < n; i++) {
      prev += v[2 * i]! + 1;
      const pay = v[2 * i + 1]!;
      d.docs[i] = prev;
      d.combo[i] = payCombo(pay);
      d.impact[i] = payImpact(pay);
      d.top[i] = payTop(pay);
    }
    list.decoded = d;
  }
  return list.decoded;
}

/** Index of the postings shard that would hold `key`. */
export function shardOf(shards: string[], key: string): number {
  let lo = 0;
  let hi = shards.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (shards[mid]! <= key) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

export class IndexFiles {
  private readonly files = new Map<string, Promise<unknown>>();
  private readonly shards = new Map<number, Promise<ShardView>>();
  private readonly docCache = new Map<number, SearchDoc>();
  private modelPromise: Promise<IndexModel> | null = null;
  private readonly fetchJson: (path: string) => Promise<unknown>;

  constructor(fetchJson: (path: string) => Promise<unknown>) {
    this.fetchJson = fetchJson;
  }

  load(path: string): Promise<unknown> {
    let p = this.files.get(path);
    if (!p) {
      p = this.fetchJson(path);
      this.files.set(path, p);
      p.catch(() => this.files.delete(path));
    }
    return p;
  }

  model(): Promise<IndexModel> {
    if (!this.modelPromise) {
      this.modelPromise = (this.load(MANIFEST_PATH) as Promise<Manifest>).then((m) => {
        if (!m || m.format !== FORMAT || m.version !== FORMAT_VERSION) throw new Error('search: unsupported index format');
        return new IndexModel(m);
      });
      this.modelPromise.catch(() => {
        this.modelPromise = null;
      });
    }
    return this.modelPromise;
  }

  shard(i: number): Promise<ShardView> {
    let p = this.shards.get(i);
    if (!p) {
      p = (this.load(postingsShardPath(i)) as Promise<PostingsShard>).then((s) => {
        const keys: string[] = [];
        const lists = new Map<string, PostingsList>();
        for (const r of s.k) {
          keys.push(r[0]);
          lists.set(r[0], { key: r[0], n: r[1], encoded: r[2], summary: r[3], h: r[3] ? r[3].h : ALL_HASHES });
        }
        return { keys, lists };
      });
      this.shards.set(i, p);
      p.catch(() => this.shards.delete(i));
    }
    return p;
  }

  /** The list of a word or facet key, or undefined when the index has none. */
  async list(model: IndexModel, key: string): Promise<PostingsList | undefined> {
    if (!model.manifest.shards.length) return undefined;
    const shard = await this.shard(shardOf(model.manifest.shards, key));
    return shard.lists.get(key);
  }

  /** The names of the texts spelt with this skeleton (fold.ts spellingSkeleton), or none. */
  async spellingsOf(model: IndexModel, skeleton: string): Promise<string[]> {
    const record = await this.list(model, FACET_KEY.spellings(skeleton));
    return record ? record.encoded.split(' ') : [];
  }

  /** The words of the trigram shards holding `grams`: for each trigram, its words, 0 (too common) or undefined. */
  async trigramWords(grams: string[], shardOfGram: (g: string) => number): Promise<(string | 0 | undefined)[]> {
    const ids = [...new Set(grams.map(shardOfGram))];
    const shards = await Promise.all(ids.map((i) => this.load(trigramShardPath(i)) as Promise<TrigramShard>));
    return grams.map((g) => {
      for (const s of shards) if (Object.prototype.hasOwnProperty.call(s, g)) return s[g];
      return undefined;
    });
  }

  async procedureRef(model: IndexModel, pi: number): Promise<string> {
    const shard = (await this.load(procShardPath(Math.floor(pi / model.manifest.procShardSize)))) as ProcShard;
    return shard[pi % model.manifest.procShardSize]!;
  }

  /** The documents of these numbers (fetching their chunks), in the same order. */
  async docs(model: IndexModel, nums: number[]): Promise<SearchDoc[]> {
    const m = model.manifest;
    const chunks = [...new Set(nums.filter((n) => !this.docCache.has(n)).map((n) => Math.floor(n / m.chunkSize)))];
    await Promise.all(
      chunks.map(async (c) => {
        const chunk = (await this.load(docChunkPath(c))) as DocChunk;
        chunk.d.forEach((row, j) => {
          const num = c * m.chunkSize + j;
          if (!this.docCache.has(num)) this.docCache.set(num, docOfRow(m, chunk, row));
        });
      }),
    );
    return nums.map((n) => this.docCache.get(n)!);
  }
}

/** The SearchDoc a chunk row stores (exactly what the builder was given). */
function docOfRow(m: Manifest, chunk: DocChunk, row: DocChunk['d'][number]): SearchDoc {
  const [id, whatIndex, text, procIndex, kindPlusOne, themeIdx, addrIdx, people, provisions, url, extra] = row;
  const what = m.whats[whatIndex] as What;
  const doc: SearchDoc = { id, what, text, themes: [], themeLabels: [], addressees: [], addresseeLabels: [], people, provisions, url: '' };
  if (extra?.heading !== undefined) doc.heading = extra.heading;
  if (extra?.leadIn !== undefined) doc.leadIn = extra.leadIn;
  const proc = procIndex >= 0 ? chunk.p[procIndex] : undefined;
  if (proc) {
    const [, procedure, slug, year, title] = proc;
    doc.procedure = procedure;
    doc.slug = extra?.slug ?? slug;
    doc.year = extra?.year ?? year;
    doc.title = extra?.title ?? title;
  }
  if (kindPlusOne > 0) doc.documentKind = m.kinds[kindPlusOne - 1] as DocumentKind;
  if (extra?.place !== undefined) doc.place = extra.place;
  if (extra?.date !== undefined) doc.date = extra.date;
  doc.themes = themeIdx.map((i) => m.themes[i]![0]);
  doc.themeLabels = extra?.themeLabels ?? themeIdx.map((i) => m.themes[i]![1]);
  doc.addressees = addrIdx.map((i) => m.addressees[i]![0]);
  doc.addresseeLabels = extra?.addresseeLabels ?? addrIdx.map((i) => m.addressees[i]![1]);
  doc.url = url === 0 ? (defaultUrl(what, id, doc.slug) ?? '') : url;
  return doc;
}
