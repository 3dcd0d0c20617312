/**
 * What the index builder (build.ts) and the client (client/) agree on: file paths, the manifest
 * shape, record tuples, document ids, and the fuse.js keys. See the top of build.ts for the layout.
 */
import type { SearchDoc, What } from './types.ts';
import { fold } from './fold.ts';
import { demandPath, itemPath, personPath, themePath } from '../site/paths.ts';

export const FORMAT = 'kz-ep-search';
export const FORMAT_VERSION = 3;

export const MANIFEST_PATH = 'manifest.json';
export const postingsShardPath = (i: number): string => `post/${i}.json`;
export const trigramShardPath = (i: number): string => `tri/${i}.json`;
export const docChunkPath = (i: number): string => `docs/${i}.json`;
export const procShardPath = (i: number): string => `procs/${i}.json`;

/** Keys of facet lists in the postings shards (never collide with words: those are letters/digits). */
export const FACET_KEY = {
  year: (y: number | string): string => `~y:${y}`,
  procedure: (ref: string): string => `~p:${fold(ref)}`,
  theme: (id: string): string => `~t:${id}`,
  addressee: (id: string): string => `~a:${id}`,
  kind: (k: string): string => `~k:${k}`,
  what: (w: string): string => `~w:${w}`,
  /** Not a facet: the names with one spelling skeleton (fold.ts); its record holds words, not entries. */
  spellings: (skeleton: string): string => `~v:${skeleton}`,
} as const;

/** Ids of the items that are not demands (a demand keeps its own id). */
export const searchId = {
  item: (slug: string, anchor: string): string => `${slug}#${anchor}`,
  event: (id: string): string => `event:${id}`,
  followUp: (id: string): string => `followup:${id}`,
  person: (id: string): string => `person:${id}`,
  theme: (id: string): string => `theme:${id}`,
} as const;

/**
 * The permalink a doc has unless the index stores another (url 0 in a chunk row): the demand's
 * anchor, the item's anchor, the person's or the theme's page, all from src/site/paths.ts. Events
 * have none (their timeline page depends on the timeline's plan): the index stores theirs.
 */
export function defaultUrl(what: What, id: string, slug: string | undefined): string | undefined {
  if (what === 'demand') return slug ? demandPath(slug, id) : undefined;
  if (what === 'person') return id.startsWith('person:') ? personPath(id.slice(7)) : undefined;
  if (what === 'theme') return id.startsWith('theme:') ? themePath(id.slice(6)) : undefined;
  if (what === 'event') return undefined;
  const hash = id.indexOf('#');
  return slug && hash > 0 && id.slice(0, hash) === slug ? itemPath(slug, id.slice(hash + 1)) : undefined;
}

/**
 * Entry payload = (combo * IMPACT_RANGE + impact) * 2 + top, where impact is 0 for facet lists and
 * 1..15 for words, and top = 1 when a capped list keeps the entry for its rank (highest impact /
 * first in listing order) rather than only as a member of its sample.
 */
export const IMPACT_RANGE = 16;
export const MAX_IMPACT = 15;
export const payCombo = (pay: number): number => Math.floor(pay / (2 * IMPACT_RANGE));
export const payImpact = (pay: number): number => (pay >>> 1) & (IMPACT_RANGE - 1);
export const payTop = (pay: number): number => pay & 1;

export interface Manifest {
  format: string;
  version: number;
  /** Content hash of all the other files (deterministic); use it to bust caches. */
  build: string;
  docCount: number;
  procCount: number;
  /** Lists longer than this keep only `cap` entries (see build.ts, "Common words"). */
  cap: number;
  chunkSize: number;
  procShardSize: number;
  trigramShards: number;
  trigramCap: number;
  /** The kinds of items the index holds (types.ts WHATS order), and how many of each. */
  whats: string[];
  whatCounts: number[];
  /** Document kinds (summary, resolution, motion) and how many items are in each. */
  kinds: string[];
  kindCounts: number[];
  /** [id, label, docCount], sorted by id. */
  themes: [string, string, number][];
  addressees: [string, string, number][];
  /** Runs over the procedures in index order: [year, procedures, documents]. */
  years: [number, number, number][];
  /**
   * Varints: the runs of consecutive documents of one procedure, as pairs (procedure index + 1,
   * or 0 for documents of no procedure; number of documents). See "Document numbers" in build.ts.
   */
  runs: string;
  /** Varints: per combo: what, kind + 1 (0 = none), #themes, theme indexes…, #addressees, addressee indexes…. */
  combos: string;
  /** First key of each postings shard (sorted; shard i holds keys in [shards[i], shards[i+1])). */
  shards: string[];
}

/**
 * Summary of a capped list: facet counts over its FULL list (flat [valueIndex, count, …] arrays),
 * and `h`, the threshold of its sample: the list holds EVERY doc of the full list whose
 * docHash (codec.ts) is < h.
 */
export interface ListSummary {
  h: number;
  y: number[]; // [year, count, …]
  k: number[]; // [kindIndex, count, …]
  t: number[]; // [themeIndex, count, …]
  a: number[]; // [addresseeIndex, count, …]
  p: number[]; // [procIndex, count, …] top procedures only
  w: number[]; // [whatIndex, count, …]
}

/**
 * A postings shard: { k: [key, fullLength, entries(varints: docGap-1, payload, …), summary?][] }.
 * A "~v:<skeleton>" record is [key, 0, "name name …"]: the names of the texts spelt with that skeleton.
 */
export type PostingsRecord = [string, number, string] | [string, number, string, ListSummary];
export interface PostingsShard {
  k: PostingsRecord[];
}

/** A trigram shard: trigram → space-separated words containing it, or 0 when too common. */
export type TrigramShard = Record<string, string | 0>;

/** Doc chunk: procedures [procIndex, procedure, slug, year, title] and docs. */
export type ChunkProc = [number, string, string, number, string];
/**
 * [id, whatIndex, text, chunkProcIndex (−1: none), kindIndex + 1 (0: none), themeIdx[], addresseeIdx[],
 *  people, provisions, url | 0 (= defaultUrl), extra?]
 */
export type ChunkDoc =
  | [string, number, string, number, number, number[], number[], string[], string[], string | 0]
  | [string, number, string, number, number, number[], number[], string[], string[], string | 0, DocExtra];
/** The fields only some docs have, and the rare doc whose fields differ from its procedure's. */
export interface DocExtra {
  heading?: string;
  leadIn?: string;
  place?: string;
  date?: string;
  slug?: string;
  year?: number;
  title?: string;
  themeLabels?: string[];
  addresseeLabels?: string[];
}
export interface DocChunk {
  p: ChunkProc[];
  d: ChunkDoc[];
}
/** Procedure shard: the references of procedures [i * procShardSize, …). */
export type ProcShard = string[];

const str = (s: string | undefined): string => fold(s ?? '');

/** The searched fields, their fuse.js weights, and how they are read (always folded). */
export const FUSE_KEYS = [
  { name: 'heading', weight: 1, getFn: (d: SearchDoc) => str(d.heading) },
  { name: 'text', weight: 1, getFn: (d: SearchDoc) => fold(d.text) },
  { name: 'people', weight: 0.8, getFn: (d: SearchDoc) => d.people.map(fold) },
  { name: 'provisions', weight: 0.8, getFn: (d: SearchDoc) => d.provisions.map(fold) },
  { name: 'procedure', weight: 0.7, getFn: (d: SearchDoc) => str(d.procedure) },
  { name: 'title', weight: 0.5, getFn: (d: SearchDoc) => str(d.title) },
  { name: 'themeLabels', weight: 0.5, getFn: (d: SearchDoc) => d.themeLabels.map(fold) },
  { name: 'addresseeLabels', weight: 0.4, getFn: (d: SearchDoc) => d.addresseeLabels.map(fold) },
];

/** Options of the naive baseline (fuse.js over every document), used by the bench for comparison. */
export const NAIVE_FUSE_OPTIONS = {
  keys: FUSE_KEYS,
  includeMatches: true,
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.3,
  minMatchCharLength: 2,
};
