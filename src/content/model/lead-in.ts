import type { Item } from '../parse/index.ts';

/**
 * The verbatim words that govern a demand, so that a reader sees who asks and how ("Parliament
 * urged the Government of Kazakhstan to:", "The European Parliament, […] calls on …") before the
 * demand itself. Quoted, never paraphrased: the only addition is "[…]" where words are left out.
 */
export interface LeadIn {
  /** The words, as printed, with "[…]" where some are left out; empty when the demand needs none. */
  text: string;
  /** Anchor of the item the words are quoted from (the demand's own, its list's introduction, or the opening formula). */
  anchor: string;
}

/** Words kept at most from a sentence before its demand; longer runs keep their start and end. */
const MAX_WORDS = 14;
const HEAD_WORDS = 4;
const TAIL_WORDS = 6;
/** A clause before a demand in a resolution paragraph is kept whole up to this many words ("also"). */
const SHORT_CLAUSE = 3;

/** Shortens a run of words to its first and last words around "[…]" when it is long. */
export function elide(words: string): string {
  const list = words.split(/\s+/).filter(Boolean);
  if (list.length <= MAX_WORDS) return list.join(' ');
  return `${list.slice(0, HEAD_WORDS).join(' ')} […] ${list.slice(-TAIL_WORDS).join(' ')}`;
}

/** The start of the sentence that `text` ends inside: everything after the last ". " (or all of it). */
function sentencePrefix(text: string): string {
  const cut = text.lastIndexOf('. ');
  return (cut < 0 ? text : text.slice(cut + 2)).trim();
}

/** Who speaks in a summary: the subjects its sentences name. */
const SPEAKER = /\b(?:The European Parliament|Parliament|Members|The resolution)\b/g;

/**
 * A summary sentence that opens with "It" or "They" names no one ("It called on the Kazakh
 * authorities to:"): the speaker an earlier sentence of the same item names is added in square
 * brackets, as quotations do ("It [Parliament] called on the Kazakh authorities to:").
 */
function withSpeaker(sentence: string, before: string): string {
  const pronoun = /^(It|They)\b/.exec(sentence);
  if (!pronoun) return sentence;
  const earlier = before.slice(0, Math.max(0, before.length - sentence.length));
  const speaker = [...earlier.matchAll(SPEAKER)].at(-1)?.[0];
  return speaker ? `${pronoun[1]} [${speaker}]${sentence.slice(pronoun[1]!.length)}` : sentence;
}

/**
 * The words of a summary sentence before its demand. When another clause of the sentence comes
 * first (a demand after "…; "), only who speaks is kept: the sentence's words up to its speaker,
 * then "[…]" ("Lastly, Parliament […] urges the Kazakh authorities …").
 */
function summaryPrefix(sentence: string): string {
  if (!sentence.includes(';')) return elide(sentence);
  const speaker = new RegExp(SPEAKER.source).exec(sentence);
  return speaker ? `${sentence.slice(0, speaker.index + speaker[0].length)} […]` : elide(sentence);
}

/**
 * The lead-in of the demand starting at `start` in `item`.
 * - In a resolution or motion paragraph, Parliament speaks: the opening formula ("The European
 *   Parliament,"), then "[…]" where the paragraph says something else before the demand (a clause
 *   of a word or two, such as "also", is kept).
 * - In a summary: the words of the demand's sentence before it ("Parliament", "The EU Delegation in
 *   Astana"; after another clause, only who speaks: summaryPrefix); for a bullet that starts with
 *   the demand, the last sentence of the paragraph that introduces the list ("Parliament urged the
 *   Government of Kazakhstan to:"); "It" or "They" gets the speaker an earlier sentence names, in
 *   square brackets (withSpeaker).
 */
export function leadInOf(item: Item, start: number, items: ReadonlyMap<string, Item>, preamble: Item | undefined): LeadIn {
  const before = item.text.slice(0, start);
  if (item.kind === 'para') {
    // Parliament speaks; the clause before the demand is its own business ("Reiterates its concern
    // over …, and"), so it is left out unless it is a word or two ("also").
    const clause = before.slice(before.lastIndexOf(';') + 1).trim();
    const short = clause.split(/\s+/).filter(Boolean).length <= SHORT_CLAUSE;
    const formula = preamble?.text.trim() ?? '';
    if (!formula) return { text: short ? clause : '[…]', anchor: item.anchor };
    if (!clause) return { text: formula, anchor: preamble!.anchor };
    return { text: `${formula} […]${short ? ` ${clause}` : ''}`, anchor: short ? item.anchor : preamble!.anchor };
  }
  const own = sentencePrefix(before);
  if (own) return { text: withSpeaker(summaryPrefix(own), before.trim()), anchor: item.anchor };
  const parent = item.parent ? items.get(item.parent) : undefined;
  if (parent && start === 0) return { text: withSpeaker(elide(sentencePrefix(parent.text)), parent.text.trim()), anchor: parent.anchor };
  return { text: '', anchor: item.anchor };
}
