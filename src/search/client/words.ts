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
  /** The indexed word standing for it when re-ranking: the word itself, or the spelling of a word typed in other letters. */
  rankAs: string;
  expansions: Expansion[];
  /** True when some expansion is exact, another script's spelling or a completion of the word. */
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
 *
 * A word typed in other letters behaves as the Latin word it spells: its spellings found in the
 * vocabulary are exact matches, and the most common one stands for it (its prefixes, its similar
 * words), so "Қазақстан" finds what "Kazakhstan" finds.
 */
export async function resolveWord(files: IndexFiles, model: IndexModel, word: QueryWord, eagerTrigrams: boolean): Promise<WordMatches> {
  const m = model.manifest;
  const minLength = word.spellings ? 3 : 4;
  const canUseTrigrams = word.term.length >= minLength && isFuzzyToken(word.term) && m.trigramShards > 0;
  const grams = canUseTrigrams ? trigrams(word.term) : [];
  const fetchTrigrams = () => files.trigramWords(grams, (g) => fnv1a(g) % m.trigramShards);
  let trigramWords: Promise<(string | 0 | undefined)[]> | null = canUseTrigrams && (eagerTrigrams || word.spellings) ? fetchTrigrams() : null;
  trigramWords?.catch(() => undefined);

  const expansions: Expansion[] = [];
  const taken = new Set<string>();
  const add = (e: Expansion) => {
    expansions.push(e);
    taken.add(e.term);
  };
  const addWordAndPrefixes = async (term: string, exactMatch: MatchKind) => {
    const { exact, prefixes } = await exactAndPrefixes(files, model, term);
    if (exact && !taken.has(term)) add({ term, list: exact, weight: 1, match: exactMatch });
    for (const l of prefixes) if (!taken.has(l.key)) add({ term: l.key, list: l, weight: 0.75 + 0.2 * (term.length / l.key.length), match: 'prefix' });
    return !!exact;
  };
  const found = await addWordAndPrefixes(word.term, 'exact');

  // other-script spellings and similar words, through the trigram vocabulary
  if (canUseTrigrams && !trigramWords && !found) trigramWords = fetchTrigrams();
  let anchor = found ? word.term : undefined;
  if (trigramWords) {
    const shared = new Map<string, number>();
    for (const l of await trigramWords) {
      if (!l) continue;
      for (const t of l.split(' ')) shared.set(t, (shared.get(t) ?? 0) + 1);
    }
    if (word.spellings) {
      const spelt = [...shared.keys()].filter((t) => t !== word.term && word.spellings!.test(t)).sort((a, b) => shared.get(b)! - shared.get(a)! || cmp(a, b));
      const lists = await Promise.all(spelt.slice(0, OTHER_SCRIPT_MAX).map((t) => files.list(model, t)));
      let best: PostingsList | undefined;
      lists.forEach((list) => {
        if (list && !taken.has(list.key)) {
          add({ term: list.key, list, weight: 1, match: 'spelling' });
          if (!best || list.n > best.n) best = list;
        }
      });
      if (!anchor && best) {
        anchor = best.key;
        await addWordAndPrefixes(anchor, 'spelling');
      }
    }
    // Similar words: of the word itself, or of the spelling standing for it. When the word was
    // found, only in a one-word query (as a Latin query would fetch no trigrams otherwise).
    const base = anchor ?? word.term;
    const maxE = maxEdits(base.length);
    if (maxE > 0 && (eagerTrigrams || !anchor)) {
      // an edit changes at most 4 of the word's trigrams (a transposition), so a word within
      // maxE edits shares at least grams − 4·maxE of them; check the most similar first
      const minShared = base === word.term ? Math.max(1, grams.length - 4 * maxE) : 1;
      const pool = [...shared].filter(([t, n]) => n >= minShared && !taken.has(t));
      if (pool.length > SIMILAR_POOL) pool.sort((a, b) => b[1] - a[1] || cmp(a[0], b[0])).length = SIMILAR_POOL;
      const similar: [string, number, number][] = [];
      for (const [t, n] of pool) {
        const d = editDistance(base, t, maxE);
        if (d <= maxE) similar.push([t, d, n]);
        else if (t.includes(base)) similar.push([t, maxE + 1, n]);
      }
      similar.sort((a, b) => a[1] - b[1] || b[2] - a[2] || cmp(a[0], b[0]));
      const chosen = similar.slice(0, SIMILAR_MAX);
      const lists = await Promise.all(chosen.map(([t]) => files.list(model, t)));
      chosen.forEach(([t, d], i) => {
        const list = lists[i];
        if (list) add({ term: t, list, weight: d <= maxE ? 0.7 - 0.1 * (d - 1) : 0.5, match: 'similar' });
      });
    }
  }
  return { word, rankAs: anchor ?? word.term, expansions, matchesExactly: expansions.some((e) => e.match !== 'similar') };
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
  return { word: matches.word, rankAs: matches.rankAs, expansions, docs, scores, combos, top, similarOnly, complete, h, estimate, pUnseen, idf };
}
