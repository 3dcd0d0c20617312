/**
 * What the index builder (build.ts) and the client (client.ts) agree on: file paths, the manifest
 * shape, record tuples, and the fuse.js keys. See the top of build.ts for the full layout.
 */
import type { SearchDoc } from './types.ts';
import { fold } from './fold.ts';
import { demandPath } from '../site/paths.ts';

export const FORMAT = 'kz-ep-search';
export const FORMAT_VERSION = 2;

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
} as const;

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
  kinds: string[];
  kindCounts: number[];
  /** [id, label, docCount], sorted by id. */
  themes: [string, string, number][];
  addressees: [string, string, number][];
  /** Runs over the procedures in index order: [year, procedures, documents]. */
  years: [number, number, number][];
  /** Varints: number of documents of each procedure, in index order. */
  procDocs: string;
  /** Varints: per combo: kind, #themes, theme indexes…, #addressees, addressee indexes…. */
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
}

/** A postings shard: { k: [key, fullLength, entries(varints: docGap-1, payload, …), summary?][] } */
export type PostingsRecord = [string, number, string] | [string, number, string, ListSummary];
export interface PostingsShard {
  k: PostingsRecord[];
}

/** A trigram shard: trigram → space-separated words containing it, or 0 when too common. */
export type TrigramShard = Record<string, string | 0>;

/** Doc chunk: procedures [procIndex, procedure, slug, year, title] and docs. */
export type ChunkProc = [number, string, string, number, string];
/** [id, text, chunkProcIndex, kindIndex, themeIdx[], addresseeIdx[], people, provisions, url | 0 (=default), overrides?] */
export type ChunkDoc =
  | [string, string, number, number, number[], number[], string[], string[], string | 0]
  | [string, string, number, number, number[], number[], string[], string[], string | 0, DocOverrides];
export interface DocOverrides {
  slug?: string;
  year?: number;
  title?: string;
  procedure?: string;
  themeLabels?: string[];
  addresseeLabels?: string[];
  documentKind?: string;
}
export interface DocChunk {
  p: ChunkProc[];
  d: ChunkDoc[];
}
/** Procedure shard: the references of procedures [i * procShardSize, …). */
export type ProcShard = string[];

export function defaultUrl(slug: string, id: string): string {
  return demandPath(slug, id);
}

/** The searched fields, their fuse.js weights, and how they are read (always folded). */
export const FUSE_KEYS = [
  { name: 'text', weight: 1, getFn: (d: SearchDoc) => fold(d.text) },
  { name: 'people', weight: 0.8, getFn: (d: SearchDoc) => d.people.map(fold) },
  { name: 'provisions', weight: 0.8, getFn: (d: SearchDoc) => d.provisions.map(fold) },
  { name: 'procedure', weight: 0.7, getFn: (d: SearchDoc) => fold(d.procedure) },
  { name: 'title', weight: 0.5, getFn: (d: SearchDoc) => fold(d.title) },
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
