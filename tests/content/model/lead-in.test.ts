// Who asks, and how: the verbatim lead-in shown before each demand (src/content/model/lead-in.ts).
import { describe, expect, it } from 'vitest';
import { elide } from '../../../src/content/model/lead-in.ts';
import { model } from '../../helpers/model.ts';

const leadIn = (id: string) => model().demandById.get(id)!.leadIn;

describe('lead-in of a demand', () => {
  it('of a bullet is the sentence introducing its list', () => {
    expect(leadIn('2021-2544-summary-5-3-1')).toEqual({ text: 'Parliament urged the Government of Kazakhstan to:', anchor: 'summary-5' });
  });
  it('that opens with "It" or "They" names, in square brackets, the speaker an earlier sentence names', () => {
    expect(leadIn('2016-2607-summary-5-1-1')).toEqual({ text: 'It [Parliament] called on the Kazakh authorities to:', anchor: 'summary-5' });
    expect(leadIn('2016-2607-summary-4-1')).toEqual({ text: 'They [Members]', anchor: 'summary-4' });
    // No lead-in leaves a pronoun without the speaker it stands for.
    for (const d of model().demands) expect(d.leadIn.text, d.id).not.toMatch(/^(It|They)\b(?! \[)/);
  });
  it('in a summary paragraph is the start of its sentence', () => {
    expect(leadIn('2019-2610-summary-5-2')).toEqual({ text: 'EEAS', anchor: 'summary-5' });
    expect(leadIn('2021-2544-summary-7-1')).toEqual({ text: 'The Commission and the VP/HR', anchor: 'summary-7' });
  });
  it('after another clause of its sentence keeps only who speaks', () => {
    expect(leadIn('2019-2610-summary-7-2')).toEqual({ text: 'Lastly, Parliament […]', anchor: 'summary-7' });
  });
  it("in a resolution's paragraph is the opening formula, and […] for what the paragraph says first (a word or two kept)", () => {
    expect(leadIn('2013-2600-para-6-1')).toEqual({ text: 'The European Parliament, […]', anchor: 'preamble' });
    expect(leadIn('2013-2600-para-3-1')).toEqual({ text: 'The European Parliament,', anchor: 'preamble' });
    expect(leadIn('2016-2607-motion-para-4-1')).toEqual({ text: 'The European Parliament,', anchor: 'motion-preamble' });
    expect(leadIn('2013-2600-para-17-2')).toEqual({ text: 'The European Parliament, […] also', anchor: 'para-17' });
  });
  it('is a quotation: every word outside "[…]" stands in the item it names', () => {
    const site = model();
    for (const d of site.demands) {
      const item = site.bySlug.get(d.slug)!.items.get(d.leadIn.anchor)!;
      // Words in square brackets are the site's ("It [Parliament]"); the opening formula is the preamble's.
      const pieces = d.leadIn.text.replace(/ \[[^\]…]+\]/g, '').split(/ ?\[…\] ?/).filter((p) => p && (p !== 'The European Parliament,' || d.leadIn.anchor.endsWith('preamble')));
      for (const piece of pieces) expect(item.text, d.id).toContain(piece);
    }
  });
});

describe('elide', () => {
  it('keeps a short run whole and a long one as its first and last words', () => {
    expect(elide('Lastly, Parliament')).toBe('Lastly, Parliament');
    expect(elide('one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen')).toBe('one two three four […] ten eleven twelve thirteen fourteen fifteen');
  });
});
