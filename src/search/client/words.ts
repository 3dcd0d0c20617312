/**
 * Query words → indexed words → documents. Each query word expands to the indexed words it
 *   - equals (exact),
 *   - is spelt as in other letters (Козлов → kozlov, Қазақстан → kazakhstan: fold.ts spellingPattern),
 *   - begins (prefix: "tortur" → torture, tortured; at most PREFIX_MAX, most frequent first),
 *   - nearly equals (similar: within ⌊0.3·length⌋ edits, ≤ 3, a transposition counting 1, or
 *     containing it; found through the trigram shards, at most SIMILAR_MAX).
 * A word's documents are the union of its expansions' lists. Similar words are a different word as
 * far as the reader knows ("Blyalov" is not "Ablyazov"): a query word with no exact, other-script
 * or prefix match leaves them to suggestions (client/index.ts), and results that a similar word
 * alone brought in say so (SearchResultRow.similarSpellings).
 */
import { fnv1a } from '../codec.ts';
import { isFuzzyToken, trigrams } from '../fold.ts';
import { MAX_IMPACT } from '../layout.ts';
import { ALL_HASHES, decodeList, shardOf, type IndexFiles, type PostingsList } from './index-files.ts';
import type { IndexModel } from './index-model.ts';
import type { QueryWord } from './plan.ts';
import { cmp, editDistance, lowerBound, maxEdits, scratchSpace } from './util.ts';

const PREFIX_MAX = 10;
const SIMILAR_MAX = 6;
const OTHER_SCRIPT_MAX = 6;
/** Trigram-sharing words checked by edit distance, at most. */
const SIMILAR_POOL = 1500;
/** Postings shards scanned for a word and the words it begins. */
const PREFIX_SHARDS = 3;

export type MatchKind = 'exact' | 'spelling' | 'prefix' | 'similar';

export interface Expansion {
  term: string;
  list: PostingsList;
  /** Score factor: 1 for exact and other-script spellings, less for prefixes and similar words. */
  weight: number;
  match: MatchKind;
}

export interface WordMatches {
  word: QueryWord;
  expansions: Expansion[];
  /** True when some expansion is exact, another script's spelling or a completion of the word. */
  matchesExactly: boolean;
}

/** The documents of one query word: sorted doc numbers and, aligned, what the index knows of each. */
export interface WordSet {
  word: QueryWord;
  expansions: Expansion[];
  docs: Int32Array;
  /** Best contribution of the word to the doc's score (weight × impact / 15). */
  scores: Float32Array;
  combos: Int32Array;
  /** 1 when a capped list keeps the doc for its rank. */
  top: Uint8Array;
  /** 1 when only a similar word brought the doc in. */
  similarOnly: Uint8Array;
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
 * The indexed words a query word matches.
 * @param eagerTrigrams fetch the word's trigram shards in parallel with its postings (one-word
 *   queries, and words typed in other letters); otherwise only when the index does not hold the word
 *   itself (saves the trigram shards of correctly spelt words in longer queries).
 */
export async function resolveWord(files: IndexFiles, model: IndexModel, word: QueryWord, eagerTrigrams: boolean): Promise<WordMatches> {
  const m = model.manifest;
  const { term } = word;
  const minLength = word.spellings ? 3 : 4;
  const canUseTrigrams = term.length >= minLength && isFuzzyToken(term) && m.trigramShards > 0;
  const grams = canUseTrigrams ? trigrams(term) : [];
  const fetchTrigrams = () => files.trigramWords(grams, (g) => fnv1a(g) % m.trigramShards);
  let trigramWords: Promise<(string | 0 | undefined)[]> | null = canUseTrigrams && (eagerTrigrams || word.spellings) ? fetchTrigrams() : null;
  trigramWords?.catch(() => undefined);

  const expansions: Expansion[] = [];
  const taken = new Set<string>();
  const add = (e: Expansion) => {
    expansions.push(e);
    taken.add(e.term);
  };
  // exact, then the words it begins (in the same shard or the next ones)
  const digits = /^\p{N}+$/u.test(term);
  const prefixOk = term.length >= 3 && !digits;
  const prefixes: PostingsList[] = [];
  for (let si = shardOf(m.shards, term), hops = 0; si < m.shards.length && hops < PREFIX_SHARDS; si++, hops++) {
    if (hops > 0 && !(prefixOk && m.shards[si]!.startsWith(term))) break;
    const shard = await files.shard(si);
    let i = lowerBound(shard.keys, term);
    for (; i < shard.keys.length; i++) {
      const k = shard.keys[i]!;
      if (k === term) {
        add({ term: k, list: shard.lists.get(k)!, weight: 1, match: 'exact' });
        if (!prefixOk) break;
        continue;
      }
      if (!prefixOk || !k.startsWith(term)) break;
      prefixes.push(shard.lists.get(k)!);
    }
    if (i < shard.keys.length) break;
  }
  prefixes.sort((a, b) => b.n - a.n || cmp(a.key, b.key));
  for (const l of prefixes.slice(0, PREFIX_MAX)) add({ term: l.key, list: l, weight: 0.75 + 0.2 * (term.length / l.key.length), match: 'prefix' });

  // other-script spellings and similar words, through the trigram vocabulary
  if (canUseTrigrams && !trigramWords && !taken.has(term)) trigramWords = fetchTrigrams();
  if (trigramWords) {
    const shared = new Map<string, number>();
    for (const l of await trigramWords) {
      if (!l) continue;
      for (const t of l.split(' ')) shared.set(t, (shared.get(t) ?? 0) + 1);
    }
    const found: [string, number, MatchKind, number][] = []; // term, weight, match, order
    if (word.spellings) {
      const spelt = [...shared.keys()].filter((t) => !taken.has(t) && word.spellings!.test(t)).sort((a, b) => shared.get(b)! - shared.get(a)! || cmp(a, b));
      for (const t of spelt.slice(0, OTHER_SCRIPT_MAX)) found.push([t, 1, 'spelling', 0]);
    }
    // an edit changes at most 4 of the word's trigrams (a transposition), so a word within
    // maxE edits shares at least grams − 4·maxE of them; check the most similar first
    const maxE = maxEdits(term.length);
    if (maxE > 0) {
      const minShared = Math.max(1, grams.length - 4 * maxE);
      const pool = [...shared].filter(([t, s]) => s >= minShared && !taken.has(t) && !found.some(([f]) => f === t));
      if (pool.length > SIMILAR_POOL) pool.sort((a, b) => b[1] - a[1] || cmp(a[0], b[0])).length = SIMILAR_POOL;
      const similar: [string, number, number][] = [];
      for (const [t, s] of pool) {
        const d = editDistance(term, t, maxE);
        if (d <= maxE) similar.push([t, d, s]);
        else if (t.includes(term)) similar.push([t, maxE + 1, s]);
      }
      similar.sort((a, b) => a[1] - b[1] || b[2] - a[2] || cmp(a[0], b[0]));
      for (const [t, d] of similar.slice(0, SIMILAR_MAX)) found.push([t, d <= maxE ? 0.7 - 0.1 * (d - 1) : 0.5, 'similar', d]);
    }
    const lists = await Promise.all(found.map(([t]) => files.list(model, t)));
    found.forEach(([t, weight, match], i) => {
      const list = lists[i];
      if (list) add({ term: t, list, weight, match });
    });
  }
  return { word, expansions, matchesExactly: expansions.some((e) => e.match !== 'similar') };
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
    const via = e.match === 'similar' ? 2 : 1;
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
  const similarOnly = new Uint8Array(docs.length);
  for (let i = 0; i < docs.length; i++) {
    const d = docs[i]!;
    scores[i] = acc.score[d]!;
    combos[i] = acc.combo[d]!;
    top[i] = acc.top[d]!;
    similarOnly[i] = acc.via[d] === 2 ? 1 : 0;
  }
  const estimate = Math.min(N, docs.length + unseen);
  const pUnseen = complete ? 0 : Math.min(1, unseen / Math.max(1, N - docs.length));
  const idf = Math.log(1 + N / Math.max(1, Math.max(maxN, estimate)));
  return { word: matches.word, expansions, docs, scores, combos, top, similarOnly, complete, h, estimate, pUnseen, idf };
}
