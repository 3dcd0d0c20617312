// The citation reader (src/content/model/citations.ts): the real texts' "having regard to"
// citations read into cited things, with the date as printed and never more precise, footnote
// references, curated overrides, and whether the collection holds a cited resolution.
import { describe, expect, it } from 'vitest';
import { adoptedReferenceOf, citationsOf, coverageOf, printedDate, readCitations, splitCitation } from '../../../src/content/model/citations.ts';
import type { Item } from '../../../src/content/parse/index.ts';
import type { Procedure } from '../../../src/content/model/types.ts';
import { model } from '../../helpers/model.ts';

const site = model();
const byId = new Map(site.citations.map((c) => [c.id, c]));
const pick = (id: string) => {
  const c = byId.get(id)!;
  return { kind: c.kind, named: c.named, text: c.text, datePrinted: c.datePrinted, date: c.date, reference: c.footnote?.reference, held: c.held };
};

describe('the real citations', () => {
  it('2013 citation 1: the series of previous resolutions, and each of the three it names with its footnote', () => {
    expect(site.citations.filter((c) => c.anchor === 'citation-1' && c.slug === '2013-2600').map((c) => c.id)).toHaveLength(4);
    expect(pick('2013-2600-citation-1-1')).toEqual({ kind: 'ep-resolution', named: false, text: 'its previous resolutions on Kazakhstan', datePrinted: undefined, date: undefined, reference: undefined, held: undefined });
    expect(pick('2013-2600-citation-1-2')).toEqual({ kind: 'ep-resolution', named: true, text: '15 March 2012 on Kazakhstan', datePrinted: '15 March 2012', date: '2012-03-15', reference: 'P7_TA(2012)0089', held: undefined });
    expect(pick('2013-2600-citation-1-3')).toMatchObject({ date: '2011-12-15', reference: 'P7_TA(2011)0588', text: '15 December 2011 on the state of implementation of the EU Strategy for Central Asia' });
    expect(pick('2013-2600-citation-1-4')).toMatchObject({ date: '2009-09-17', reference: 'OJ C 224 E, 19.8.2010, p. 30', text: '17 September 2009 on the case of Yevgeni Zhotis in Kazakhstan' });
    expect(pick('2013-2600-citation-2-1')).toMatchObject({ kind: 'ep-resolution', named: true, date: '2012-11-22', reference: 'P7_TA(2012)0459' });
  });

  it('2013 citation 3 is two EU statements; the OSCE, Rules of Procedure and the overrides are read as such', () => {
    expect(pick('2013-2600-citation-3-1')).toMatchObject({ kind: 'eu-statement', date: '2012-10-09' });
    expect(pick('2013-2600-citation-3-2')).toMatchObject({ kind: 'eu-statement', date: '2012-01-17', text: 'the High Representative’s statement of 17 January 2012 on parliamentary elections in Kazakhstan' });
    expect(pick('2013-2600-citation-5-1').kind).toBe('osce');
    expect(pick('2013-2600-citation-6-1').kind).toBe('osce');
    expect(pick('2013-2600-citation-8-1')).toMatchObject({ kind: 'ep-rules', date: undefined });
    expect(byId.get('2013-2600-citation-4-1')).toMatchObject({ kind: 'ngo', decidedBy: 'override', rule: 'icj-legal-opinion-2013' });
    expect(byId.get('2013-2600-citation-7-1')).toMatchObject({ kind: 'ngo', decidedBy: 'override' });
    expect(site.citations.filter((c) => c.kind === 'unclassified')).toEqual([]);
  });

  it('the 2016 motion: previous resolutions unnamed, the EPCA, the dialogue dated by its own day only', () => {
    expect(pick('2016-2607-motion-citation-1-1')).toMatchObject({ kind: 'ep-resolution', named: false, text: 'its previous resolutions on situation in Kazakhstan' });
    expect(pick('2016-2607-motion-citation-2-1')).toMatchObject({ kind: 'eu-agreement', datePrinted: '21 December 2015' });
    // "… held in Astana on 26 November 2015 and EU-Kazakhstan seminar for civil society held the day before"
    expect(pick('2016-2607-motion-citation-3-1')).toMatchObject({ kind: 'eu-dialogue', date: '2015-11-26' });
    expect(pick('2016-2607-motion-citation-4-1').kind).toBe('ep-rules');
  });

  it('coverage: the 2009, 2011 and two 2012 resolutions are cited and not held; nothing held is cited by a later text', () => {
    const cov = coverageOf(site.procedures, site.citations);
    expect(cov.notHeld.map((r) => r.date)).toEqual(['2009-09-17', '2011-12-15', '2012-03-15', '2012-11-22']);
    expect(cov.cited).toEqual(cov.notHeld);
    expect(cov.unnamed.map((c) => c.id)).toEqual(['2013-2600-citation-1-1', '2016-2607-motion-citation-1-1']);
    expect([...cov.citedBy.values()].flat()).toEqual([]);
    expect(cov.withCitations).toEqual(['2013-2600', '2016-2607']);
  });
});

const item = (text: string, anchor = 'citation-1'): Item => {
  // Footnote references written "[^n]" in these fixtures, as in the Markdown.
  const inlines = text.split(/(\[\^\d+\])/).filter(Boolean).map((s) => (/^\[\^\d+\]$/.test(s) ? { type: 'fnref' as const, label: s.slice(2, -1) } : { type: 'text' as const, value: s }));
  return { anchor, kind: 'citation', label: '1', text: inlines.map((i) => (i.type === 'text' ? i.value : i.label)).join(''), inlines, line: 1 };
};

describe('the rules', () => {
  it('keep a date exactly as precise as printed', () => {
    expect(printedDate('the elections of March 2016')).toEqual({ datePrinted: 'March 2016', date: '2016-03' });
    expect(printedDate('its resolution of 1 February 2012 on')).toEqual({ datePrinted: '1 February 2012', date: '2012-02-01' });
    expect(printedDate('the 2015 Reporters Without Borders index')).toBeUndefined();
  });

  it('leave what no rule reads unclassified rather than guess', () => {
    const [c] = citationsOf({ slug: '2099-0001', documents: [{ meta: { id: 'text', kind: 'resolution', source: 'x', heading: 'h' } as never, items: [item('having regard to the report of 3 May 2020 by Example Watch,')] }], items: new Map() });
    expect(c).toMatchObject({ kind: 'unclassified', decidedBy: 'none', date: '2020-05-03' });
  });

  it('split "and to the" into two things and strip footnote numbers from the words', () => {
    expect(splitCitation(item('having regard to the statement of 9 October 2012 by the HR/VP and to the statement of 1 May 2013 by the EEAS,')).map((p) => p.text)).toEqual([
      'the statement of 9 October 2012 by the HR/VP',
      'the statement of 1 May 2013 by the EEAS',
    ]);
    expect(splitCitation(item('having regard to its resolution of 10 March 2016 on Kazakhstan[^1],'))).toEqual([{ text: 'its resolution of 10 March 2016 on Kazakhstan', footnotes: ['1'], named: true }]);
  });

  it('match a cited resolution to a held procedure by footnote reference or by adoption day', () => {
    expect(adoptedReferenceOf('P8_TA(2016)0083')).toBe('T8-0083/2016');
    expect(adoptedReferenceOf('OJ C 224 E, 19.8.2010, p. 30')).toBeUndefined();
    const held = site.bySlug.get('2016-2607')!;
    const footnote: Item = { anchor: 'footnote-1', kind: 'footnote', label: '1', text: 'P8_TA(2016)0083.', inlines: [{ type: 'text', value: 'P8_TA(2016)0083.' }], line: 2 };
    const byRef = item('having regard to its resolution on freedom of expression in Kazakhstan[^1],');
    const byDay = item('having regard to its resolution of 10 March 2016 on freedom of expression in Kazakhstan,', 'citation-2');
    const later = { slug: '2022-0001', year: 2022, data: {}, documents: [{ meta: { id: 'text', kind: 'resolution' } as never, items: [byRef, byDay, footnote] }], items: new Map([byRef, byDay, footnote].map((i) => [i.anchor, i])) } as unknown as Procedure;
    const issues: never[] = [];
    const read = readCitations([held, later], { file: 'citations.yaml', data: [] }, issues).filter((c) => c.slug === '2022-0001');
    expect(read.map((c) => [c.anchor, c.held])).toEqual([
      ['citation-1', '2016-2607'],
      ['citation-2', '2016-2607'],
    ]);
    expect(issues).toEqual([]);
    expect(coverageOf([held, later], read).citedBy.get('2016-2607')!.map((c) => c.anchor)).toEqual(['citation-1', 'citation-2']);
  });

  it('refuse an override the rules make needless, naming the field', () => {
    const issues: Array<{ field: string; message: string }> = [];
    readCitations(site.procedures, { file: 'content/citations.yaml', data: [{ id: 'x', procedure: '2013/2600(RSP)', anchor: 'citation-5', part: 1, kind: 'osce', note: 'needless' }] }, issues as never);
    expect(issues).toEqual([{ file: 'content/citations.yaml', field: '[0].kind', message: 'the rules already read citation-5 part 1 as osce: remove the override' }]);
  });
});
