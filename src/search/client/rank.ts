/**
 * Ranking: demands first; within each tier, the best candidates by index score go through fuse.js
 * (over just those docs: token search, weighted keys, folded values, threshold 0.3), whose score is
 * blended with the index score, and whose match offsets (on folded values) are widened to whole
 * words and mapped back onto the original strings. Of the docs fuse.js matched, those whose own
 * words match (heading, text, procedure, people, provisions) come before those matched only through
 * labels the card does not print as its words (a theme, an addressee, the resolution's title: the
 * results the page explains with "Matched theme: …"), whatever the score: fuse.js's field-length
 * norm rates a hit in a two-word theme label above the same words in a long text. Candidates
 * fuse.js did not match follow in index order when the index is sure of them (or, past fuse.js's
 * window, when their text holds the words), highlighted by indexed word.
 */
import Fuse from 'fuse.js';
import { LABEL_KEYS, type SearchDoc, type SearchResultRow, type Highlight } from '../types.ts';
import { tokenize } from '../fold.ts';
import { NAIVE_FUSE_OPTIONS } from '../layout.ts';
import type { Candidates } from './candidates.ts';
import { expansionTerms, fuseHighlights, hasWords, otherSpellings, termHighlights } from './highlights.ts';
import type { IndexFiles } from './index-files.ts';
import type { IndexModel } from './index-model.ts';
import { topK } from './util.ts';
import type { WordSet } from './words.ts';

/** Docs × query words that go through fuse.js per query, at most (see maxRerank). */
const FUSE_BUDGET = 60;
/** Weight of fuse.js's score in the final score (the rest: the index score). */
const BLEND = 0.5;

export interface RankOptions {
  offset: number;
  limit: number;
  /** Extra candidates (beyond `limit`) re-ranked by fuse.js. */
  rerankExtra: number;
  /** At most this many docs go through fuse.js (fewer for long queries). */
  maxRerank: number;
}

interface Placed {
  /** Index into the candidate arrays. */
  ci: number;
  /** Position in the window (index order). */
  position: number;
  tier: number;
  /** 0: fuse.js matched it; 1: the index did. */
  group: number;
  /** 1: fuse.js matched only labels (LABEL_KEYS), none of its own words; else 0. */
  labelOnly: number;
  score: number;
  highlights?: Highlight[];
  /** The index cannot be sure the doc has every word: check its text before showing it. */
  unsure: boolean;
}

export async function rankRows(files: IndexFiles, model: IndexModel, cands: Candidates, matched: number[], sets: WordSet[], opt: RankOptions): Promise<SearchResultRow[]> {
  const words = sets.map((s) => s.rankAs);
  const { offset, limit } = opt;
  const need = offset + limit;
  const tier = (ci: number) => (model.isDemand(cands.combo[ci]!) ? 0 : 1);
  const sure = (ci: number) => (cands.weight[ci]! >= 1 ? 1 : 0);
  const better = (a: number, b: number) => tier(a) - tier(b) || sure(b) - sure(a) || cands.score[b]! - cands.score[a]! || cands.doc[a]! - cands.doc[b]!;
  // fuse.js's cost grows with docs × words: long queries re-rank fewer docs. Not a function of
  // the page asked for, so that pages of one query follow each other.
  const fuseN = Math.min(opt.maxRerank, Math.max(10, Math.floor(FUSE_BUDGET / words.length)));
  const spare = cands.approximate ? opt.rerankExtra : 0;
  const window = topK(matched, Math.max(fuseN, need + spare), better);

  const fuseDocs = await files.docs(
    model,
    window.slice(0, fuseN).map((ci) => cands.doc[ci]!),
  );
  // The naive baseline's options (so the bench compares like with like), searching by token.
  const fuse = new Fuse(fuseDocs, {
    ...NAIVE_FUSE_OPTIONS,
    useTokenSearch: true,
    tokenMatch: cands.relaxed ? 'any' : 'all',
    tokenize: (s: string) => tokenize(s),
  });
  const fuseResults = fuse.search(words.join(' '));
  // final score: fuse.js's score blended with the index score (normalised over the window),
  // which knows an exact word from a longer word that merely contains it ("Kopov" / "Kopova")
  let best = 0;
  for (const ci of window) best = Math.max(best, cands.score[ci]!);
  const quality = (ci: number) => (best > 0 ? cands.score[ci]! / best : 1);
  const placed: Placed[] = [];
  const byFuse = new Set<number>();
  for (const r of fuseResults) {
    const ci = window[r.refIndex]!;
    byFuse.add(r.refIndex);
    const highlights = fuseHighlights(r, words);
    const labelOnly = highlights.length && highlights.every((h) => LABEL_KEYS.has(h.key)) ? 1 : 0;
    placed.push({ ci, position: r.refIndex, tier: tier(ci), group: 0, labelOnly, score: BLEND * (r.score ?? 0) + (1 - BLEND) * (1 - quality(ci)), highlights, unsure: false });
  }
  window.forEach((ci, position) => {
    if (byFuse.has(position)) return;
    if (!sure(ci) && position < fuseN) return; // fuse.js saw it and did not find the words
    placed.push({ ci, position, tier: tier(ci), group: 1, labelOnly: 0, score: BLEND + (1 - BLEND) * (1 - quality(ci)), unsure: !sure(ci) });
  });
  placed.sort((a, b) => a.tier - b.tier || a.group - b.group || a.labelOnly - b.labelOnly || (a.group === 0 ? a.score - b.score : a.position - b.position));

  // the page asked for: check the unsure ones against their text (a capped word left them open)
  const page = placed.slice(offset, need + spare);
  const docs = await files.docs(
    model,
    page.map((p) => cands.doc[p.ci]!),
  );
  const terms = expansionTerms(sets);
  const rows: SearchResultRow[] = [];
  page.forEach((p, i) => {
    if (rows.length >= limit) return;
    const doc: SearchDoc = docs[i]!;
    if (p.unsure && !hasWords(doc, sets, cands.relaxed)) return;
    rows.push({ doc, score: p.score, highlights: p.highlights ?? termHighlights(doc, terms), otherSpellings: otherSpellings(doc, cands.doc[p.ci]!, sets) });
  });
  return rows;
}
