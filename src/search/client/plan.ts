/**
 * Query planning: the words a query searches for. Each word keeps how it was typed (for messages
 * such as "No exact match for …") and, when typed in Cyrillic or Kazakh letters, the pattern of
 * its Latin spellings (fold.ts, spellingPattern).
 */
import { fold, isIndexableToken, spellingPattern, tokenize } from '../fold.ts';

export interface QueryWord {
  /** Folded, as the index stores words: "kozlov". */
  term: string;
  /** As typed: "Козлов". */
  typed: string;
  /** Every Latin spelling of a word typed in other letters (absent for plain words). */
  spellings?: RegExp;
}

export interface QueryPlan {
  words: QueryWord[];
  /** The query has characters but no word to search for (only punctuation, a lone letter…). */
  nothingToSearch: boolean;
}

/** At most this many words are searched (the rest of a long query is ignored). */
export const MAX_WORDS = 8;

/** Query words dropped when the query has other words (they are in nearly every item). */
const STOPWORDS = new Set(['a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'in', 'into', 'is', 'it', 'its', 'of', 'on', 'or', 'that', 'the', 'their', 'this', 'to', 'was', 'were', 'with']);

/** Runs of letters, marks and digits as typed (a mark stays with its letter: "Kozlóv" in NFD). */
const TYPED_WORD = /[\p{L}\p{M}\p{N}]+/gu;

export function planQuery(q: string): QueryPlan {
  const words: QueryWord[] = [];
  for (const typed of q.match(TYPED_WORD) ?? []) {
    const terms = tokenize(fold(typed)).filter(isIndexableToken);
    // a typed word folds to one term, except rare characters that fold to several ("½" → 1⁄2)
    for (const term of terms) {
      if (words.some((w) => w.term === term)) continue;
      const spellings = terms.length === 1 ? spellingPattern(typed) : undefined;
      words.push(spellings ? { term, typed, spellings } : { term, typed });
    }
    if (words.length >= MAX_WORDS) break;
  }
  const kept = words.slice(0, MAX_WORDS).filter((w) => !STOPWORDS.has(w.term));
  const chosen = kept.length ? kept : words.slice(0, MAX_WORDS);
  return { words: chosen, nothingToSearch: chosen.length === 0 && q.trim() !== '' };
}
