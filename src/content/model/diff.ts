/**
 * How the wording of a recurring demand changed from one resolution to the next: a word-level
 * comparison (longest common subsequence of words), shown as insertions and deletions only when
 * the two wordings share most of their words. Otherwise a word-by-word comparison is noise (a new
 * sentence "differs" from the old one in every word) and the two wordings are best read side by
 * side: `compareWordings` says which.
 *
 * Words keep their spacing: each part carries the whitespace before it (`lead`), printed outside
 * the <ins>/<del> so that no two words run together ("quash release", never "quashrelease"), and
 * punctuation is a token of its own, so "Kozlov," and "Kozlov" share the name.
 */

/** A run of words the two wordings share, or that only the later one has (`added`) or only the earlier (`removed`). */
export interface DiffPart {
  type: 'same' | 'added' | 'removed';
  /** Whitespace printed before the run (outside any mark); a single space between two changed runs that touch. */
  lead: string;
  /** The run's words, with the whitespace between them as in its source. */
  text: string;
}

interface Token {
  text: string;
  /** Whitespace before the token in its source. */
  space: string;
  /** True for a word (letters or digits), false for punctuation. */
  word: boolean;
}

/** Words (letters, digits, and the apostrophes and hyphens inside them) and single punctuation marks, each with the whitespace before it. */
function tokens(s: string): Token[] {
  const out: Token[] = [];
  const re = /(\s*)([\p{L}\p{N}]+(?:[’'‐-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}])/gu;
  for (const m of s.matchAll(re)) out.push({ text: m[2]!, space: m[1]!, word: /[\p{L}\p{N}]/u.test(m[2]!) });
  return out;
}

/** Pairs of equal tokens on the longest common subsequence, as index pairs in order. */
function commonTokens(a: readonly Token[], b: readonly Token[]): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i]!.text === b[j]!.text ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i]!.text === b[j]!.text) pairs.push([i++, j++]);
    else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/** Word-level difference between two wordings of a demand: the later one's runs, with what the earlier had instead. */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  const out: DiffPart[] = [];
  // `space`: the whitespace before the token; a shared word keeps a space if either wording has one.
  const push = (type: DiffPart['type'], t: Token, space = t.space) => {
    const last = out.at(-1);
    if (last && last.type === type) last.text += space + t.text;
    else {
      // Two changed runs that touch get a space between them, whatever their sources had.
      const touching = last && last.type !== 'same' && type !== 'same';
      out.push({ type, lead: touching && space === '' ? ' ' : space, text: t.text });
    }
  };
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...commonTokens(a, b), [a.length, b.length] as [number, number]]) {
    while (i < pi) push('removed', a[i++]!);
    while (j < pj) push('added', b[j++]!);
    if (pi < a.length && pj < b.length) {
      push('same', b[pj]!, b[pj]!.space || (out.length ? a[pi]!.space : ''));
      i++;
      j++;
    }
  }
  return out;
}

/**
 * The share of words two wordings have in common: words on their longest common subsequence over
 * the words of the longer one (punctuation not counted). 1 for the same words, 0 for none.
 */
export function sharedWords(before: string, after: string): number {
  const a = tokens(before).filter((t) => t.word);
  const b = tokens(after).filter((t) => t.word);
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : commonTokens(a, b).length / longer;
}

/**
 * From this share of words in common, a later wording is shown as changes to the earlier one;
 * below it, side by side. Chosen on the real recurring demands: wordings that repeat a call with
 * edits share 60–100 % of their words, and their insertions and deletions read as edits; wordings
 * that ask the same thing in a new sentence share under 40 %, and marked up they read as two
 * texts shredded into each other.
 */
export const DIFF_THRESHOLD = 0.5;

export type Comparison = { mode: 'diff'; shared: number; parts: DiffPart[] } | { mode: 'side-by-side'; shared: number };

/** How to show a later wording against the earlier one: as changes, or side by side (see DIFF_THRESHOLD). */
export function compareWordings(before: string, after: string, threshold = DIFF_THRESHOLD): Comparison {
  const shared = sharedWords(before, after);
  return shared >= threshold ? { mode: 'diff', shared, parts: diffWords(before, after) } : { mode: 'side-by-side', shared };
}
