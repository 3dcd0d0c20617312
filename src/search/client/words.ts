/**
 * Query words → indexed words → documents. Each query word expands to the indexed words it
 *   - equals (exact);
 *   - spells in other letters (Козлов → kozlov, Қазақстан → kazakhstan: fold.ts spellingPattern);
 *   - is another transliteration of, when both are names in the texts (Zhanaozen / Zhanaozhen,
 *     Omirbayev / Omirbaev: fold.ts spellingSkeleton, grouped at build time);
 *   - begins: any word when it is not itself in the index ("tortur" → torture), else only its
 *     inflections ("prisoner" → prisoners; never "Kozlov" → Kozlova, another person);
 *   - nearly equals (similar: within ⌊0.3·length⌋ edits, ≤ 3, a transposition counting 1, or
 *     containing it; found through the trigram shards), only when it matches nothing above.
 * Results use every expansion but the similar words: "Blyalov" is not "Ablyazov". A word with
 * only similar words leaves them to suggestions (client/index.ts).
 */
import { fnv1a } from '../codec.ts';
import { isFuzzyToken, spellingSkeleton, trigrams } from '../fold.ts';
import { MAX_IMPACT } from '../layout.ts';
import { ALL_HASHES, decodeList, shardOf, type IndexFiles, type PostingsList } from './index-files.ts';
import type { IndexModel } from './index-model.ts';
import type { QueryWord } from './plan.ts';
import { cmp, editDistance, lowerBound, maxEdits, scratchSpace } from './util.ts';

const PREFIX_MAX = 10;
const SIMILAR_MAX = 6;
const OTHER_SPELLINGS_MAX = 6;
/** Trigram-sharing words checked by edit distance, at most. */
const SIMILAR_POOL = 1500;
/** Postings shards scanned for a word and the words it begins. */
const PREFIX_SHARDS = 3;
/** Endings that make a word a form of another (when the word itself is indexed, only these extend it). */
const INFLECTIONS = new Set(['s', 'es', 'd', 'ed', 'ing', 'ings', 'er', 'ers', 'ion', 'ions']);

export type MatchKind = 'exact' | 'spelling' | 'variant' | 'prefix' | 'similar';

export interface Expansion {
  term: string;
  list: PostingsList;
  /** Score factor: 1 for exact and other-script spellings, less for the others. */
  weight: number;
  match: MatchKind;
}

export interface WordMatches {
  word: QueryWord;
  /** The indexed word standing for it when re-ranking: the word itself, or the spelling of a word typed in other letters. */
  rankAs: string;
  expansions: Expansion[];
  /** True when some expansion is not merely similar. */
  matchesExactly: boolean;
}

/** The documents of one query word: sorted doc numbers and, aligned, what the index knows of each. */
export interface WordSet {
  word: QueryWord;
  rankAs: string;
  expansions: Expansion[];
  docs: Int32Array;
  /** Best contribution of the word to the doc's score (weight × impact / 15). */
  scores: Float32Array;
  combos: Int32Array;
  /** 1 when a capped list keeps the doc for its rank. */
  top: Uint8Array;
  /** 1 when only another spelling (a variant, or a similar word) brought the doc in. */
  otherSpellingOnly: Uint8Array;
  /** False when some expansion's list is capped (see build.ts, "Common words"). */
  complete: boolean;
  /** Every doc of the full union with docHash < h is in `docs` (ALL_HASHES when complete). */
  h: number;
  /** Estimated size of the full union. */
  estimate: number;
  /** Fallback probability that a doc not in `docs` has the word (independence). */
  pUnseen: number;
  idf: number;
}

/**
 * The indexed words a query word matches. A word typed in other letters behaves as the Latin word
 * it spells: the most common of its spellings stands for it (its forms, its other spellings), so
 * "Қазақстан" finds what "Kazakhstan" finds. The trigram shards are read only for a word the
 * index does not hold in any spelling.
 */
export async function resolveWord(files: IndexFiles, model: IndexModel, word: QueryWord): Promise<WordMatches> {
  const expansions: Expansion[] = [];
  const taken = new Set<string>();
  const add = (e: Expansion) => {
    if (taken.has(e.term)) return;
    expansions.push(e);
    taken.add(e.term);
  };
  /** The word, its forms and its other spellings in the texts; the word's own list, if indexed. */
  const addWordAndForms = async (term: string, match: MatchKind): Promise<PostingsList | undefined> => {
    const [{ exact, prefixes }, variants] = await Promise.all([exactAndPrefixes(files, model, term), files.spellingsOf(model, spellingSkeleton(term))]);
    if (exact) add({ term, list: exact, weight: match === 'variant' ? 0.9 : 1, match });
    for (const l of prefixes) {
      if (exact && !INFLECTIONS.has(l.key.slice(term.length))) continue;
      add({ term: l.key, list: l, weight: 0.75 + 0.2 * (term.length / l.key.length), match: 'prefix' });
    }
    const lists = await Promise.all(variants.filter((v) => v !== term && !taken.has(v)).map((v) => files.list(model, v)));
    for (const l of lists) if (l) add({ term: l.key, list: l, weight: word.spellings?.test(l.key) ? 1 : 0.9, match: word.spellings?.test(l.key) ? 'spelling' : 'variant' });
    return exact;
  };
  const own = await addWordAndForms(word.term, 'exact');

  let anchor = own ? word.term : undefined;
  if (word.spellings) {
    // the most common of its spellings (the word itself included) stands for it, whichever letters it was typed in
    let best = own;
    for (const e of expansions) if (e.match === 'spelling' && (!best || e.list.n > best.n || (e.list.n === best.n && e.term < best.key))) best = e.list;
    if (!best) {
      // none among the names the index groups: look through the vocabulary
      const shared = await sharedTrigrams(files, model, word.term);
      const spelt = [...shared.keys()].filter((t) => word.spellings!.test(t)).sort((a, b) => shared.get(b)! - shared.get(a)! || cmp(a, b));
      for (const l of await Promise.all(spelt.slice(0, OTHER_SPELLINGS_MAX).map((t) => files.list(model, t)))) {
        if (!l) continue;
        add({ term: l.key, list: l, weight: 1, match: 'spelling' });
        if (!best || l.n > best.n) best = l;
      }
    }
    if (best && best.key !== anchor) {
      anchor = best.key;
      await addWordAndForms(anchor, 'spelling');
    }
  }

  if (!expansions.length) await addSimilar(files, model, word.term, add);
  return { word, rankAs: anchor ?? word.term, expansions, matchesExactly: expansions.some((e) => e.match !== 'similar') };
}

/** For each vocabulary word sharing a trigram with `term`: how many it shares. */
async function sharedTrigrams(files: IndexFiles, model: IndexModel, term: string): Promise<Map<string, number>> {
  const m = model.manifest;
  const shared = new Map<string, number>();
  if (term.length < 3 || !isFuzzyToken(term) || m.trigramShards === 0) return shared;
  for (const l of await files.trigramWords(trigrams(term), (g) => fnv1a(g) % m.trigramShards)) {
    if (!l) continue;
    for (const t of l.split(' ')) shared.set(t, (shared.get(t) ?? 0) + 1);
  }
  return shared;
}

/** The indexed words near a word the index does not hold: suggestions, never results. */
async function addSimilar(files: IndexFiles, model: IndexModel, term: string, add: (e: Expansion) => void): Promise<void> {
  const maxE = maxEdits(term.length);
  if (maxE === 0) return;
  const shared = await sharedTrigrams(files, model, term);
  // an edit changes at most 4 of the word's trigrams (a transposition), so a word within
  // maxE edits shares at least grams − 4·maxE of them; check the most similar first
  const minShared = Math.max(1, trigrams(term).length - 4 * maxE);
  const pool = [...shared].filter(([, n]) => n >= minShared);
  if (pool.length > SIMILAR_POOL) pool.sort((a, b) => b[1] - a[1] || cmp(a[0], b[0])).length = SIMILAR_POOL;
  const similar: [string, number, number][] = [];
  for (const [t, n] of pool) {
    const d = editDistance(term, t, maxE);
    if (d <= maxE) similar.push([t, d, n]);
    else if (t.includes(term)) similar.push([t, maxE + 1, n]);
  }
  similar.sort((a, b) => a[1] - b[1] || b[2] - a[2] || cmp(a[0], b[0]));
  const chosen = similar.slice(0, SIMILAR_MAX);
  const lists = await Promise.all(chosen.map(([t]) => files.list(model, t)));
  chosen.forEach(([t, d], i) => {
    const list = lists[i];
    if (list) add({ term: t, list, weight: d <= maxE ? 0.7 - 0.1 * (d - 1) : 0.5, match: 'similar' });
  });
}

/** A word's own list, if indexed, and the most common indexed words it begins (≤ PREFIX_MAX). */
async function exactAndPrefixes(files: IndexFiles, model: IndexModel, term: string): Promise<{ exact?: PostingsList; prefixes: PostingsList[] }> {
  const m = model.manifest;
  const digits = /^\p{N}+$/u.test(term);
  const prefixOk = term.length >= 3 && !digits;
  let exact: PostingsList | undefined;
  const prefixes: PostingsList[] = [];
  for (let si = shardOf(m.shards, term), hops = 0; si < m.shards.length && hops < PREFIX_SHARDS; si++, hops++) {
    if (hops > 0 && !(prefixOk && m.shards[si]!.startsWith(term))) break;
    const shard = await files.shard(si);
    let i = lowerBound(shard.keys, term);
    for (; i < shard.keys.length; i++) {
      const k = shard.keys[i]!;
      if (k === term) {
        exact = shard.lists.get(k)!;
        if (!prefixOk) break;
        continue;
      }
      if (!prefixOk || !k.startsWith(term)) break;
      prefixes.push(shard.lists.get(k)!);
    }
    if (i < shard.keys.length) break;
  }
  prefixes.sort((a, b) => b.n - a.n || cmp(a.key, b.key));
  return { exact, prefixes: prefixes.slice(0, PREFIX_MAX) };
}

/** The union of a word's expansions (without its similar words when `withSimilar` is false). */
export function wordSet(model: IndexModel, matches: WordMatches, withSimilar: boolean): WordSet {
  const N = model.docCount;
  const expansions = withSimilar ? matches.expansions : matches.expansions.filter((e) => e.match !== 'similar');
  let complete = true;
  let unseen = 0;
  let maxN = 0;
  let h = ALL_HASHES;
  const acc = scratchSpace(N);
  const stamp = acc.stamp;
  const touched: number[] = [];
  for (const e of expansions) {
    const { docs, impact, combo, top } = decodeList(e.list);
    if (e.list.n > docs.length) {
      complete = false;
      unseen += e.list.n - docs.length;
      h = Math.min(h, e.list.h);
    }
    maxN = Math.max(maxN, e.list.n);
    const k = e.weight / MAX_IMPACT;
    const via = e.match === 'similar' || e.match === 'variant' ? 2 : 1;
    for (let i = 0; i < docs.length; i++) {
      const d = docs[i]!;
      const s = k * impact[i]!;
      if (acc.mark[d]! !== stamp) {
        acc.mark[d] = stamp;
        acc.score[d] = s;
        acc.combo[d] = combo[i]!;
        acc.top[d] = top[i]!;
        acc.via[d] = via;
        touched.push(d);
      } else {
        if (s > acc.score[d]!) acc.score[d] = s;
        acc.top[d]! |= top[i]!;
        acc.via[d]! |= via;
      }
    }
  }
  const docs = Int32Array.from(touched).sort();
  const scores = new Float32Array(docs.length);
  const combos = new Int32Array(docs.length);
  const top = new Uint8Array(docs.length);
  const otherSpellingOnly = new Uint8Array(docs.length);
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i]!;
    scores[i] = acc.score[d]!;
    combos[i] = acc.combo[d]!;
    top[i] = acc.top[d]!;
    otherSpellingOnly[i] = acc.via[d] === 2 ? 1 : 0;
  }
  const estimate = Math.min(N, docs.length + unseen);
  const pUnseen = complete ? 0 : Math.min(1, unseen / Math.max(1, N - docs.length));
  const idf = Math.log(1 + N / Math.max(1, Math.max(maxN, estimate)));
  return { word: matches.word, rankAs: matches.rankAs, expansions, docs, scores, combos, top, otherSpellingOnly, complete, h, estimate, pUnseen, idf };
}
