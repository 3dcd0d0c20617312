/**
 * Which words of a result to mark, as ranges on the ORIGINAL strings (fold.ts maps folded offsets
 * back), and which printed words a similar spelling matched.
 */
import type { FuseResult } from 'fuse.js';
import type { Highlight, SearchableKey, SearchDoc } from '../types.ts';
import { fold, foldWithMap, mapRangesToOriginal, tokenize } from '../fold.ts';
import { editDistance, maxEdits, sortedIndexOf } from './util.ts';
import type { WordSet } from './words.ts';

const STRING_KEYS = ['heading', 'text', 'procedure', 'title'] as const;
const ARRAY_KEYS = ['people', 'provisions', 'themeLabels', 'addresseeLabels'] as const;
const IS_ARRAY_KEY = new Set<string>(ARRAY_KEYS);

/** Highlights from fuse.js matches (offsets on folded values) mapped onto the original strings. */
export function fuseHighlights(r: FuseResult<SearchDoc>, words: string[]): Highlight[] {
  const out: Highlight[] = [];
  for (const m of r.matches ?? []) {
    const key = m.key as SearchableKey;
    if (!key || !m.indices?.length) continue;
    const isArray = IS_ARRAY_KEY.has(key);
    const value = r.item[key as keyof SearchDoc];
    const original = isArray ? (value as string[])[m.refIndex ?? 0] : value;
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
    if (relates(folded.slice(a, b + 1), words)) out.push([a, b]);
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

/** Ranges of whole index terms in a string (folded, then mapped back onto the original). */
function termRanges(value: string, terms: Set<string>): [number, number][] {
  const map = foldWithMap(value);
  const ranges: [number, number][] = [];
  const re = /[\p{L}\p{N}]+/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(map.folded))) if (terms.has(m[0])) ranges.push([m.index, m.index + m[0].length - 1]);
  return ranges.length ? mapRangesToOriginal(map, ranges) : [];
}

/** The indexed words the query matched (every expansion of every word). */
export function expansionTerms(sets: WordSet[]): Set<string> {
  const terms = new Set<string>();
  for (const s of sets) for (const e of s.expansions) terms.add(e.term);
  return terms;
}

/** Highlights of the query's indexed words, for docs that fuse.js did not rank. */
export function termHighlights(doc: SearchDoc, terms: Set<string>): Highlight[] {
  const out: Highlight[] = [];
  for (const key of STRING_KEYS) {
    const value = doc[key];
    if (!value) continue;
    const ranges = termRanges(value, terms);
    if (ranges.length) out.push({ key, ranges });
  }
  for (const key of ARRAY_KEYS) {
    doc[key].forEach((v, index) => {
      const ranges = termRanges(v, terms);
      if (ranges.length) out.push({ key, index, ranges });
    });
  }
  return out;
}

/** Every folded word of the doc's searched fields. */
function docTokens(doc: SearchDoc): Set<string> {
  const tokens = new Set<string>();
  const add = (v: string | undefined) => {
    if (v) for (const t of tokenize(fold(v))) tokens.add(t);
  };
  for (const key of STRING_KEYS) add(doc[key]);
  for (const key of ARRAY_KEYS) doc[key].forEach(add);
  return tokens;
}

/** Whether the doc's searched fields hold every word (some word when relaxed), via its expansions. */
export function hasWords(doc: SearchDoc, sets: WordSet[], relaxed: boolean): boolean {
  const tokens = docTokens(doc);
  const has = (s: WordSet) => s.expansions.some((e) => tokens.has(e.term));
  return relaxed ? sets.some(has) : sets.every(has);
}

/** How the doc prints an indexed (folded) word: "Zhanaozhen" for zhanaozhen; undefined when it does not. */
export function spellingIn(doc: SearchDoc, term: string): string | undefined {
  const values = [...STRING_KEYS.map((k) => doc[k]), ...ARRAY_KEYS.flatMap((k) => doc[k])];
  for (const value of values) {
    if (!value) continue;
    const ranges = termRanges(value, new Set([term]));
    if (ranges.length) return value.slice(ranges[0]![0], ranges[0]![1] + 1);
  }
  return undefined;
}

/** The printed words through which only another spelling of some query word (a variant, or a similar word) matched this doc. */
export function otherSpellings(doc: SearchDoc, docNumber: number, sets: WordSet[]): string[] {
  const out: string[] = [];
  for (const s of sets) {
    const j = sortedIndexOf(s.docs, docNumber);
    if (j < 0 || !s.otherSpellingOnly[j]) continue;
    for (const e of s.expansions) {
      if ((e.match !== 'similar' && e.match !== 'variant') || !e.list.decoded || sortedIndexOf(e.list.decoded.docs, docNumber) < 0) continue;
      const spelt = spellingIn(doc, e.term) ?? e.term;
      if (!out.includes(spelt)) out.push(spelt);
    }
  }
  return out;
}
