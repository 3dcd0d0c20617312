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
const SPEAKER = /\b(?:The European Parliament|Parliament|Members|The resolution)\s+\S+/g;

/**
 * A summary sentence that opens with "It" or "They" names no one ("It called on the Kazakh
 * authorities to:"): the speaker and verb of an earlier sentence of the same item are quoted
 * before it ("Parliament emphasised […] It called on the Kazakh authorities to:").
 */
function withSpeaker(sentence: string, before: string): string {
  if (!/^(It|They)\b/.test(sentence)) return sentence;
  const earlier = before.slice(0, Math.max(0, before.length - sentence.length));
  const speaker = [...earlier.matchAll(SPEAKER)].at(-1)?.[0];
  return speaker ? `${speaker} […] ${sentence}` : sentence;
}

/**
 * The lead-in of the demand starting at `start` in `item`.
 * - In a resolution or motion paragraph, Parliament speaks: the opening formula ("The European
 *   Parliament,"), then the words of the paragraph's clause before the demand, if any.
 * - In a summary: the words of the demand's sentence before it ("Parliament", "The EU Delegation in
 *   Astana"); for a bullet that starts with the demand, the last sentence of the paragraph that
 *   introduces the list ("Parliament urged the Government of Kazakhstan to:"); a sentence that
 *   opens with "It" or "They" is preceded by the speaker an earlier sentence names (withSpeaker).
 */
export function leadInOf(item: Item, start: number, items: ReadonlyMap<string, Item>, preamble: Item | undefined): LeadIn {
  const before = item.text.slice(0, start);
  if (item.kind === 'para') {
    const clause = before.slice(before.lastIndexOf(';') + 1).trim();
    const formula = preamble?.text.trim() ?? '';
    if (!formula) return { text: elide(clause), anchor: item.anchor };
    return { text: clause ? `${formula} […] ${elide(clause)}` : formula, anchor: clause ? item.anchor : preamble!.anchor };
  }
  const own = sentencePrefix(before);
  if (own) return { text: withSpeaker(elide(own), before.trim()), anchor: item.anchor };
  const parent = item.parent ? items.get(item.parent) : undefined;
  if (parent && start === 0) return { text: withSpeaker(elide(sentencePrefix(parent.text)), parent.text.trim()), anchor: parent.anchor };
  return { text: '', anchor: item.anchor };
}
