/**
 * Candidates: the documents holding every query word (AND), with an estimate where lists are capped.
 *
 * Complete words intersect exactly. A capped ("soft") word cannot filter exactly: a doc not in its
 * stored entries is surely absent when its docHash is below the word's sample threshold, else it
 * counts with probability p̂ = the share of the word's non-top docs among base docs where the
 * sample is complete. Totals and facets are counted over the base word's docs (its sample, scaled
 * up, when the base word is soft too). If no doc has every word, docs with any of them are
 * returned (relaxed), when the caller allows it.
 */
import { docHash } from '../codec.ts';
import { ALL_HASHES } from './index-files.ts';
import type { IndexModel } from './index-model.ts';
import { scratchSpace } from './util.ts';
import type { WordSet } from './words.ts';

/** Parallel arrays, one entry per candidate document. */
export interface Candidates {
  doc: number[];
  combo: number[];
  /** Probability that the doc has every word (1 = sure). */
  weight: number[];
  /** Index score (sum over words of idf × best expansion score). */
  score: number[];
  /** Whether the doc is in the counting set (the base word's sample when that word is capped). */
  counted: boolean[];
  /** What one counted doc stands for (1 unless the base word is capped). */
  scale: number;
  approximate: boolean;
  relaxed: boolean;
}

export function candidates(model: IndexModel, sets: WordSet[], allowRelax: boolean): Candidates {
  const out: Candidates = { doc: [], combo: [], weight: [], score: [], counted: [], scale: 1, approximate: sets.some((s) => !s.complete), relaxed: false };
  if (!sets.some((s) => s.docs.length === 0 && s.complete)) intersect(sets, out);
  if (out.doc.length === 0 && sets.length > 1 && allowRelax) relax(model, sets, out);
  return out;
}

function intersect(sets: WordSet[], out: Candidates): void {
  const hard = sets.filter((s) => s.complete).sort((a, b) => a.docs.length - b.docs.length);
  const soft = sets.filter((s) => !s.complete).sort((a, b) => a.estimate - b.estimate);
  const base = (hard[0] ?? soft[0])!;
  const others = sets.filter((s) => s !== base);
  const nb = base.docs.length;
  // Counting set: all of base's docs when base is complete, else its sample (docHash < h),
  // scaled up by 1/(sampled fraction of the hash space). For each other word, a doc of the
  // counting set is: a member (in its stored docs), surely absent (complete word, or docHash
  // below the word's threshold), or unknown — then weighted by p̂, the share of members among
  // the word's non-top docs, measured where its sample is complete.
  const hash = new Float64Array(nb);
  for (let i = 0; i < nb; i++) hash[i] = docHash(base.docs[i]!);
  const inCountingSet = (i: number) => base.complete || hash[i]! < base.h;
  if (!base.complete) out.scale = ALL_HASHES / base.h;
  const member = others.map(() => new Int32Array(nb).fill(-1));
  others.forEach((o, k) => {
    let j = 0;
    for (let i = 0; i < nb; i++) {
      const doc = base.docs[i]!;
      while (j < o.docs.length && o.docs[j]! < doc) j++;
      if (j < o.docs.length && o.docs[j]! === doc) member[k]![i] = j;
    }
  });
  const pHat = others.map((o, k) => {
    if (o.complete) return 0;
    let members = 0;
    let seen = 0;
    for (let i = 0; i < nb; i++) {
      if (!inCountingSet(i) || hash[i]! >= o.h) continue;
      const j = member[k]![i]!;
      if (j < 0) seen++;
      else if (!o.top[j]!) {
        members++;
        seen++;
      }
    }
    return seen > 0 ? members / seen : o.pUnseen;
  });
  for (let i = 0; i < nb; i++) {
    let w = 1;
    let score = base.idf * base.scores[i]!;
    for (let k = 0; k < others.length && w > 0; k++) {
      const o = others[k]!;
      const j = member[k]![i]!;
      if (j >= 0) score += o.idf * o.scores[j]!;
      else if (o.complete || hash[i]! < o.h) w = 0;
      else w *= pHat[k]!;
    }
    if (w > 0) {
      out.doc.push(base.docs[i]!);
      out.combo.push(base.combos[i]!);
      out.weight.push(w);
      out.score.push(score);
      out.counted.push(inCountingSet(i));
    }
  }
}

/** Docs with any of the words, those with more words first. */
function relax(model: IndexModel, sets: WordSet[], out: Candidates): void {
  out.relaxed = true;
  out.scale = 1;
  const acc = scratchSpace(model.docCount);
  const stamp = acc.stamp;
  const touched: number[] = [];
  for (const s of sets) {
    for (let i = 0; i < s.docs.length; i++) {
      const d = s.docs[i]!;
      const v = 1000 + s.idf * s.scores[i]!;
      if (acc.mark[d]! !== stamp) {
        acc.mark[d] = stamp;
        acc.score[d] = v;
        acc.combo[d] = s.combos[i]!;
        touched.push(d);
      } else acc.score[d]! += v;
    }
  }
  touched.sort((a, b) => a - b);
  out.doc = touched;
  out.combo = touched.map((d) => acc.combo[d]!);
  out.weight = touched.map(() => 1);
  out.score = touched.map((d) => acc.score[d]!);
  out.counted = touched.map(() => true);
}
