// How a recurring demand's wording changed (src/content/model/diff.ts), on the real wordings of
// the recurring demands: words keep their spaces, and only wordings that share most of their
// words are marked up as changes; the others are shown side by side.
import { describe, expect, it } from 'vitest';
import { model } from '../../helpers/model.ts';
import { compareWordings, DIFF_THRESHOLD, diffWords, sharedWords, type DiffPart } from '../../../src/content/model/diff.ts';

const site = model();
const order = new Map(site.procedures.map((p, i) => [p.slug, i]));
/** Each recurring demand's wordings in page order, as consecutive pairs. */
const pairs = site.threads.flatMap((t) => {
  const ds = t.demands.map((id) => site.demandById.get(id)!).sort((a, b) => order.get(a.slug)! - order.get(b.slug)! || a.id.localeCompare(b.id));
  return ds.slice(1).map((d, i) => ({ thread: t.id, before: ds[i]!.text, after: d.text }));
});
const pairOf = (thread: string, start: string) => pairs.find((p) => p.thread === thread && p.after.startsWith(start))!;

/** What a reader sees: the parts as printed, marks shown as [-…-] and [+…+]. */
const shown = (parts: DiffPart[]) => parts.map((p) => p.lead + (p.type === 'same' ? p.text : p.type === 'added' ? `[+${p.text}+]` : `[-${p.text}-]`)).join('');
/** The text a side of the comparison reads as, marks taken away. */
const side = (parts: DiffPart[], drop: DiffPart['type']) => parts.filter((p) => p.type !== drop).map((p) => p.lead + p.text).join('');
const words = (s: string) => s.match(/[\p{L}\p{N}]+/gu) ?? [];

describe('diffWords on the real recurring demands', () => {
  it('reads back each wording word for word from its side of the comparison', () => {
    expect(pairs.length).toBeGreaterThan(30);
    for (const { thread, before, after } of pairs) {
      const parts = diffWords(before, after);
      expect(words(side(parts, 'removed')), thread).toEqual(words(after));
      expect(words(side(parts, 'added')), thread).toEqual(words(before));
      // The later wording exactly, spaces included, where no space had to be put between two changes.
      if (!parts.some((p, i) => i > 0 && p.type !== 'same' && parts[i - 1]!.type !== 'same')) expect(side(parts, 'removed').trim(), thread).toBe(after.trim());
    }
  });

  it('never runs two words together: every word printed is a word of one of the wordings', () => {
    for (const { thread, before, after } of pairs) {
      const vocabulary = new Set([...words(before), ...words(after)]);
      const printed = words(shown(diffWords(before, after)).replace(/\[[+-]|[+-]\]/g, ' '));
      for (const w of printed) expect(vocabulary.has(w), `${thread}: "${w}"`).toBe(true);
    }
  });

  it('shows “quash … release” and “Kozlov,” with their spaces (the thread page ran them together)', () => {
    const { before, after } = pairOf('political-prisoners-release', 'release the opposition leader Vladimir Kozlov');
    const text = shown(diffWords(before, after));
    expect(text).toContain('to quash the convictions');
    expect(text).toMatch(/-\] release the opposition leader Vladimir Kozlov, \[\+who is currently/);
    expect(text).not.toMatch(/[a-z]\[|\][a-z]/i);
  });

  it('keeps punctuation apart from words, so a name followed by a comma is still the same name', () => {
    expect(shown(diffWords('release Vladimir Kozlov and others', 'release Vladimir Kozlov, Vadim Kuramshin and others'))).toBe(
      'release Vladimir Kozlov[+, Vadim Kuramshin+] and others',
    );
    expect(shown(diffWords('to quash the convictions', 'to release the convictions'))).toBe('to [-quash-] [+release+] the convictions');
  });
});

describe('compareWordings', () => {
  it('marks up only wordings that share most of their words; the others stand side by side', () => {
    for (const { thread, before, after } of pairs) {
      const c = compareWordings(before, after);
      expect(c.shared, thread).toBeCloseTo(sharedWords(before, after), 10);
      expect(c.mode, thread).toBe(c.shared >= DIFF_THRESHOLD ? 'diff' : 'side-by-side');
    }
    // The EU/EEAS call repeated almost word for word (2013 → 2016 summary): changes.
    const edited = pairOf('eu-eeas-monitoring-reporting', 'are called upon to monitor closely');
    expect(compareWordings(edited.before, edited.after).mode).toBe('diff');
    // 2019 → 2021 on political prisoners, a new sentence: side by side.
    const anew = pairOf('political-prisoners-release', 'immediately release and fully rehabilitate');
    expect(compareWordings(anew.before, anew.after).mode).toBe('side-by-side');
    // Both kinds occur on the real pages.
    const modes = new Set(pairs.map((p) => compareWordings(p.before, p.after).mode));
    expect(modes).toEqual(new Set(['diff', 'side-by-side']));
  });

  it('counts shared words over the longer wording, punctuation aside', () => {
    expect(sharedWords('a b c d', 'a b c d')).toBe(1);
    expect(sharedWords('a b, c d', 'a b c d.')).toBe(1);
    expect(sharedWords('a b c d', 'a b x y z w')).toBeCloseTo(2 / 6);
    expect(sharedWords('', '')).toBe(1);
    expect(sharedWords('a', 'b')).toBe(0);
  });
});
